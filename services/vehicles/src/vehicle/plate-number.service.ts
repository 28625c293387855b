import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { selectRows, updateReturning } from '../shared/sql';
import { formatPlate, nextFreeCountryCode, type PlateLetter } from './plate.rules';

// Issues plate numbers inside the registering transaction. Serials come from a counter per sending
// state, whose row lock orders concurrent registrations of one country; the unique plate index is the
// last line of defence.
@Injectable()
export class PlateNumberService {
  async issue(em: EntityManager, letter: PlateLetter, country: string): Promise<string> {
    const code = await this.countryCode(em, country);
    const [row] = await updateReturning<{ serial: number }>(
      em,
      `UPDATE plate_country_code SET next_serial = next_serial + 1 WHERE country = $1 RETURNING next_serial - 1 AS serial`,
      [country],
    );
    return formatPlate(letter, code, Number(row!.serial));
  }

  /** The country's code, allocating the next free one for a sending state seen for the first time. */
  private async countryCode(em: EntityManager, country: string): Promise<string> {
    const existing = await this.findCode(em, country);
    if (existing) return existing;
    // Serialise first allocations: two new countries at once must not both take the same free code.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('plate_country_code'))`);
    const raced = await this.findCode(em, country);
    if (raced) return raced;
    const taken = new Set(
      (await selectRows<{ code: string }>(em, `SELECT code FROM plate_country_code`)).map((r) => r.code),
    );
    const code = nextFreeCountryCode(country, taken);
    if (!code) throw new Error('every plate country code is taken');
    await em.query(`INSERT INTO plate_country_code (country, code) VALUES ($1, $2)`, [country, code]);
    return code;
  }

  private async findCode(em: EntityManager, country: string): Promise<string | undefined> {
    const rows = await selectRows<{ code: string }>(em, `SELECT code FROM plate_country_code WHERE country = $1`, [
      country,
    ]);
    return rows[0]?.code;
  }
}
