import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { configureEventSource } from '@ofm/messaging';
import { runMigrations, serviceDataSource, type ServiceDatabase } from '@ofm/persistence';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import { round, table } from '../stats';

// The insurance lapse sweep of the vehicles service (its built code, as deployed) over REGISTRATIONS
// registrations on the boundary day: LAPSE_SHARE of them lose their cover that day, RENEWAL_SHARE
// are suspended and a renewal recorded in advance begins that day, the rest stay covered. A first
// pass judges them (audit row and events per change, in batches); a second pass on the same day
// must change nothing: it is only the read that finds no candidate. The baseline, in the same run
// on an identical database, is the floor of the same state change: one bare UPDATE statement that
// suspends and reactivates the same rows, with no audit, no events and no flag.

const REGISTRATIONS = Number(process.env.BENCH_REGISTRATIONS ?? 100_000);
const LAPSE_SHARE = Number(process.env.BENCH_LAPSE_SHARE ?? 0.1);
const RENEWAL_SHARE = Number(process.env.BENCH_RENEWAL_SHARE ?? 0.01);
const DAY = '2027-03-01';

interface Sweep {
  sweep(on: string): Promise<{ lapsed: number; suspended: number; reinstated: number }>;
}

// The service's own modules, from services/vehicles/dist (the bench builds everything first).
const vehiclesDist = join(__dirname, '..', '..', '..', 'services', 'vehicles', 'dist');
const { vehiclesDatabase } = require(join(vehiclesDist, 'data-source')) as { vehiclesDatabase: ServiceDatabase };
const { InsuranceLapseSweep } = require(join(vehiclesDist, 'insurance', 'insurance-lapse.sweep')) as {
  InsuranceLapseSweep: new (ds: DataSource, clock: unknown, jobs: unknown, config: unknown) => Sweep;
};

// Every registration a car of one mission with one policy; the share of i decides its case.
const SEED = `
  WITH v AS (
    INSERT INTO vehicle (id, owner_mission_id, mission_id, vin, make, model, year, kind, plate,
                         registration_status, registered_on, expires_on, insurance_status, lapse_flag_id)
    SELECT gen_random_uuid(), $1::uuid, $1::uuid, 'BNCH' || lpad(i::text, 13, '0'), 'Volvo', 'XC90', 2024, 'car',
           'BN' || i,
           CASE WHEN i <= $3 THEN 'suspended' ELSE 'active' END, $5::date - 300, $5::date + 65,
           CASE WHEN i <= $3 THEN 'lapsed' ELSE 'insured' END,
           CASE WHEN i <= $3 THEN gen_random_uuid() END
      FROM generate_series(1, $2::int) AS i
    RETURNING id, seq)
  INSERT INTO insurance_policy (id, vehicle_id, insurer, policy_number, effective_date, expiration_date,
                                combined_single_limit, currency, proof_type)
  SELECT gen_random_uuid(), v.id, 'Acme Mutual', 'B-' || v.seq,
         CASE WHEN rn <= $3 THEN $5::date ELSE $5::date - 300 END,
         CASE WHEN rn <= $3 THEN $5::date + 365 WHEN rn <= $3 + $4 THEN $5::date ELSE $5::date + 65 END,
         300000, 'USD', 'certificate'
    FROM (SELECT id, seq, row_number() OVER (ORDER BY seq) AS rn FROM v) AS v`;

// The floor: the same transitions as one statement, no audit, no outbox, no flag.
const BARE = `
  UPDATE vehicle v SET
    registration_status = CASE WHEN c.covered THEN 'active' ELSE 'suspended' END,
    insurance_status = CASE WHEN c.covered THEN 'insured' ELSE 'lapsed' END,
    lapse_flag_id = CASE WHEN c.covered THEN NULL ELSE gen_random_uuid() END,
    version = v.version + 1, updated_at = now()
  FROM (SELECT x.id, EXISTS (SELECT 1 FROM insurance_policy p WHERE p.vehicle_id = x.id AND p.effective_date <= $1
                               AND LEAST(p.expiration_date, COALESCE(p.cancelled_on, p.expiration_date)) > $1) AS covered,
               x.registration_status, x.insurance_status
          FROM vehicle x) AS c
  WHERE c.id = v.id
    AND ((c.covered AND (c.registration_status = 'suspended' OR c.insurance_status <> 'insured'))
      OR (NOT c.covered AND c.insurance_status = 'insured'))`;

async function seeded(): Promise<{ db: TestDatabase; ds: DataSource }> {
  const db = await createTestDatabase('bench_lapse');
  const ds = serviceDataSource(vehiclesDatabase, { url: db.url });
  await ds.initialize();
  await runMigrations(ds);
  const renewals = Math.round(REGISTRATIONS * RENEWAL_SHARE);
  const lapses = Math.round(REGISTRATIONS * LAPSE_SHARE);
  await ds.query(SEED, ['6f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c', REGISTRATIONS, renewals, lapses, DAY]);
  await ds.query('ANALYZE');
  return { db, ds };
}

const outboxRows = async (ds: DataSource): Promise<number> =>
  Number(((await ds.query('SELECT count(*) AS n FROM outbox_event')) as Array<{ n: string }>)[0]!.n);

async function timed<T>(fn: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, value };
}

export async function benchLapseSweep() {
  // The events' source, as the vehicles service sets it at start (/ofm/vehicles).
  configureEventSource('vehicles');
  const service = await seeded();
  const bare = await seeded();
  try {
    const clock = { now: () => new Date(), today: () => DAY };
    const config = { INSURANCE_SWEEP_INTERVAL_MS: 0, INSURANCE_LAPSE_GRACE_DAYS: 0 };
    const sweep = new InsuranceLapseSweep(service.ds, clock, undefined, config);
    const before = await outboxRows(service.ds);
    const first = await timed(() => sweep.sweep(DAY));
    const afterFirst = await outboxRows(service.ds);
    const second = await timed(() => sweep.sweep(DAY));
    const afterSecond = await outboxRows(service.ds);
    const baseline = await timed(async () => {
      const [, rows] = (await bare.ds.query(BARE, [DAY])) as [unknown, number];
      return rows;
    });
    const changed = first.value.lapsed + first.value.reinstated;
    return {
      registrations: REGISTRATIONS,
      firstPass: { seconds: round(first.seconds, 2), ...first.value, events: afterFirst - before },
      secondPass: { seconds: round(second.seconds, 2), ...second.value, events: afterSecond - afterFirst },
      baseline: { seconds: round(baseline.seconds, 2), rowsChanged: baseline.value },
      changesPerSecond: round(changed / first.seconds, 0),
      ratioToBaseline: round(baseline.seconds / first.seconds, 3),
    };
  } finally {
    await service.ds.destroy();
    await bare.ds.destroy();
    await service.db.drop();
    await bare.db.drop();
  }
}

export function reportLapseSweep(r: Awaited<ReturnType<typeof benchLapseSweep>>): string {
  return [
    `Insurance lapse sweep over ${r.registrations} registrations (beside one bare UPDATE of the same rows)`,
    table([
      {
        run: 'first pass',
        seconds: r.firstPass.seconds,
        lapsed: r.firstPass.lapsed,
        suspended: r.firstPass.suspended,
        reinstated: r.firstPass.reinstated,
        events: r.firstPass.events,
      },
      {
        run: 'second pass',
        seconds: r.secondPass.seconds,
        lapsed: r.secondPass.lapsed,
        suspended: r.secondPass.suspended,
        reinstated: r.secondPass.reinstated,
        events: r.secondPass.events,
      },
      {
        run: 'baseline UPDATE',
        seconds: r.baseline.seconds,
        lapsed: '',
        suspended: r.baseline.rowsChanged,
        reinstated: '',
        events: 0,
      },
    ]),
    `changes/s ${r.changesPerSecond}; baseline/first pass ${r.ratioToBaseline}`,
  ].join('\n');
}
