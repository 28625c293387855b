import type { MigrationInterface, QueryRunner } from 'typeorm';

// insurance_policy_vehicle_cover_idx (vehicle_id, effective_date, coverage end) answers every read of
// a vehicle's policies that insurance_policy_vehicle_idx (vehicle_id, expiration_date) answered: each
// vehicle has a handful of policies, so ordering them after the probe costs nothing. The older index
// only made every policy write maintain one B-tree more: measured on 100,000 policies of an insurer
// feed, about 0.5 s of the 1.8 s that their INSERT alone takes (docs/domain/insurer-feeds.md).
export class InsurancePolicyIndexDedupe1795879301100 implements MigrationInterface {
  name = 'InsurancePolicyIndexDedupe1795879301100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX insurance_policy_vehicle_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX insurance_policy_vehicle_idx ON insurance_policy (vehicle_id, expiration_date)`);
  }
}
