import { spawn } from 'node:child_process';
import { addDays, ofmDay } from '@ofm/kernel';
import { startPlatform } from '@ofm/testing';
import { Client } from 'pg';
import { childServices, residentMb } from '../memory';
import { round, table } from '../stats';

// An insurer feed of ROWS rows (BAD_SHARE of them below the minimum) sent through the whole stack:
// POST /api/v1/insurance-feeds (JWT, the body streamed in chunks to vehicles over gRPC and stored),
// then parsed, validated row by row, applied in batches with audit (events and partner notices only
// for status changes: none here), until GET says done. Every row renews the cover of a registered, insured car (the common case of a feed:
// no registration changes status). The baseline, in the same run on the same database server, is a
// bare PostgreSQL COPY of the same file into a table of the same columns (typed: dates and numerics
// parsed), through psql. Peak RSS of the vehicles process is sampled every 100 ms during the feed.

const ROWS = Number(process.env.BENCH_FEED_ROWS ?? 100_000);
const BAD_SHARE = Number(process.env.BENCH_FEED_BAD_SHARE ?? 0.01);
const HEADER =
  'action,insurer,policyNumber,vin,effectiveDate,expirationDate,combinedSingleLimit,bodilyInjuryPerPerson,bodilyInjuryPerAccident,propertyDamage';
// German VINs (W…) carry no check digit: 17 characters from the row number.
const vinOf = (i: number) => `WBF${String(i).padStart(14, '0')}`;

const SEED = `
  INSERT INTO vehicle (id, owner_mission_id, mission_id, vin, make, model, year, kind, plate,
                       registration_status, registered_on, expires_on, insurance_status)
  SELECT gen_random_uuid(), $1::uuid, $1::uuid, 'WBF' || lpad(i::text, 14, '0'), 'Volvo', 'XC90', 2024, 'car',
         'FB' || i, 'active', $3::date - 30, $3::date + 335, 'insured'
    FROM generate_series(1, $2::int) AS i`;

const feedCsv = (today: string): string => {
  const start = addDays(today, -1);
  const end = addDays(today, 364);
  const every = Math.round(1 / BAD_SHARE);
  const lines = [HEADER];
  for (let i = 1; i <= ROWS; i++) {
    const limit = i % every === 0 ? '250000.00' : '300000.00';
    lines.push(`issue,Bench Mutual,BM-${i},${vinOf(i)},${start},${end},${limit},,,`);
  }
  return `${lines.join('\n')}\n`;
};

// The floor of applying the file with the schema's integrity, measured by PostgreSQL alone: the
// same COPY into an unlogged staging table of text columns, then one INSERT … SELECT of every good row
// (joined to its live vehicle by VIN) into a table made LIKE insurance_policy with all its checks,
// defaults and indexes, and its foreign key to vehicle. No validation with line numbers, no upload, no
// audit: what any implementation on this schema pays at least.
const FLOOR = [
  `CREATE UNLOGGED TABLE bench_feed_stage (action text, insurer text, policy_number text, vin text,
     effective_date text, expiration_date text, combined_single_limit text, bodily_injury_per_person text,
     bodily_injury_per_accident text, property_damage text)`,
  `CREATE TABLE bench_feed_policy (LIKE insurance_policy INCLUDING ALL)`,
  `ALTER TABLE bench_feed_policy ADD FOREIGN KEY (vehicle_id) REFERENCES vehicle (id)`,
];
const FLOOR_INSERT = `
  INSERT INTO bench_feed_policy (id, vehicle_id, insurer, policy_number, effective_date, expiration_date,
                                 combined_single_limit)
  SELECT gen_random_uuid(), v.id, s.insurer, s.policy_number, s.effective_date::date, s.expiration_date::date,
         s.combined_single_limit::numeric
    FROM bench_feed_stage s JOIN vehicle v ON v.vin = s.vin AND v.registration_status <> 'disposed'
   WHERE s.combined_single_limit::numeric >= 300000`;

const copyInto = (url: string, table: string, csv: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const psql = spawn(
      'psql',
      [url, '-v', 'ON_ERROR_STOP=1', '-q', '-c', `\\copy ${table} FROM STDIN WITH (FORMAT csv, HEADER true)`],
      { stdio: ['pipe', 'ignore', 'inherit'] },
    );
    psql.on('error', reject);
    psql.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`psql exited ${code}`))));
    psql.stdin.end(csv);
  });

const copyBaseline = async (url: string, csv: string): Promise<number> => {
  const started = process.hrtime.bigint();
  await copyInto(url, 'bench_feed_copy', csv);
  return Number(process.hrtime.bigint() - started) / 1e9;
};

const floorBaseline = async (db: Client, url: string, csv: string) => {
  for (const ddl of FLOOR) await db.query(ddl);
  const started = process.hrtime.bigint();
  await copyInto(url, 'bench_feed_stage', csv);
  const copied = process.hrtime.bigint();
  await db.query(FLOOR_INSERT);
  const done = process.hrtime.bigint();
  await db.query('DROP TABLE bench_feed_policy, bench_feed_stage');
  return { seconds: Number(done - started) / 1e9, insertSeconds: Number(done - copied) / 1e9 };
};

export async function benchInsuranceFeed() {
  const platform = await startPlatform('bench_feed', { env: { LOG_LEVEL: 'warn' } });
  const db = new Client({ connectionString: platform.databases.vehicles!.url });
  await db.connect();
  try {
    const today = ofmDay(new Date());
    await db.query(SEED, ['6f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c', ROWS, today]);
    await db.query('ANALYZE');
    await db.query(`CREATE TABLE bench_feed_copy (action text, insurer text, policy_number text, vin text,
      effective_date date, expiration_date date, combined_single_limit numeric(17,2),
      bodily_injury_per_person numeric(17,2), bodily_injury_per_accident numeric(17,2), property_damage numeric(17,2))`);
    const csv = feedCsv(today);
    const copySeconds = await copyBaseline(platform.databases.vehicles!.url, csv);
    const floor = await floorBaseline(db, platform.databases.vehicles!.url, csv);

    const vehicles = childServices().find((s) => s.name === 'vehicles')!;
    const rssBefore = residentMb(vehicles.pid);
    let rssPeak = rssBefore;
    const sampler = setInterval(() => {
      rssPeak = Math.max(rssPeak, residentMb(vehicles.pid) || 0);
    }, 100);
    const token = await platform.issuer.token({ sub: 'bench-officer', roles: ['ofm-officer'] });
    const started = process.hrtime.bigint();
    const accepted = await fetch(`${platform.baseUrl}/api/v1/insurance-feeds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const acceptedBody = (await accepted.json()) as { id: string };
    if (accepted.status !== 202) throw new Error(`feed answered ${accepted.status}: ${JSON.stringify(acceptedBody)}`);
    const acceptedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    let feed: { status: string; rowsApplied: number; rowsRefused: number };
    for (;;) {
      const answer = await fetch(`${platform.baseUrl}/api/v1/insurance-feeds/${acceptedBody.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      feed = (await answer.json()) as typeof feed;
      if (feed.status === 'done') break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    return {
      rows: ROWS,
      megabytes: round(Buffer.byteLength(csv) / 2 ** 20, 1),
      feed: {
        seconds: round(seconds, 2),
        acceptedSeconds: round(acceptedSeconds, 2),
        rowsApplied: feed.rowsApplied,
        rowsRefused: feed.rowsRefused,
        rowsPerSecond: round(ROWS / seconds, 0),
      },
      copy: { seconds: round(copySeconds, 2), rowsPerSecond: round(ROWS / copySeconds, 0) },
      ratioToCopy: round(copySeconds / seconds, 3),
      floor: { seconds: round(floor.seconds, 2), insertSeconds: round(floor.insertSeconds, 2) },
      ratioToFloor: round(floor.seconds / seconds, 3),
      vehiclesRssMb: { before: rssBefore, peak: rssPeak },
    };
  } finally {
    await db.end();
    await platform.stop();
  }
}

export function reportInsuranceFeed(r: Awaited<ReturnType<typeof benchInsuranceFeed>>): string {
  return [
    `Insurer feed of ${r.rows} rows (${r.megabytes} MiB), end to end, beside a bare COPY of the same file`,
    table([
      {
        run: 'POST + apply',
        seconds: r.feed.seconds,
        'rows/s': r.feed.rowsPerSecond,
        applied: r.feed.rowsApplied,
        refused: r.feed.rowsRefused,
      },
      { run: 'COPY (psql)', seconds: r.copy.seconds, 'rows/s': r.copy.rowsPerSecond, applied: r.rows, refused: 0 },
      {
        run: 'floor: COPY + INSERT…SELECT (keys, FK, indexes)',
        seconds: r.floor.seconds,
        'rows/s': round(r.rows / r.floor.seconds, 0),
        applied: r.feed.rowsApplied,
        refused: r.feed.rowsRefused,
      },
    ]),
    `202 after ${r.feed.acceptedSeconds} s; ratio to COPY ${r.ratioToCopy}, to the floor ${r.ratioToFloor} (its INSERT alone ${r.floor.insertSeconds} s); vehicles RSS ${r.vehiclesRssMb.before} → peak ${r.vehiclesRssMb.peak} MB`,
  ].join('\n');
}
