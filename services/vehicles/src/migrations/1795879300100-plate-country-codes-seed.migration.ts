import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SEEDED_PLATE_COUNTRY_CODES } from './seed/plate-country-codes.seed';

// Data kept apart from DDL: the plate country codes of the first sending states.
export class PlateCountryCodesSeed1795879300100 implements MigrationInterface {
  name = 'PlateCountryCodesSeed1795879300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `INSERT INTO plate_country_code (country, code)
       SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (country) DO NOTHING`,
      [SEEDED_PLATE_COUNTRY_CODES.map(([country]) => country), SEEDED_PLATE_COUNTRY_CODES.map(([, code]) => code)],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // Only codes never used on a plate can go; the others stay bound to their country.
    await q.query(`DELETE FROM plate_country_code WHERE country = ANY($1::text[]) AND next_serial = 1`, [
      SEEDED_PLATE_COUNTRY_CODES.map(([country]) => country),
    ]);
  }
}
