import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, ofmDay, vinCheckDigit } from '@ofm/kernel';
import { type Actor } from '@ofm/platform';
import { failureOf, waitFor } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { AbandonedUploadSweep } from '../src/insurance-feed/abandoned-upload.sweep';
import { InsuranceFeedProcessor } from '../src/insurance-feed/insurance-feed.processor';
import { startVehiclesUnderTest, type VehiclesUnderTest } from './vehicles-under-test';

// Insurer feeds through the vehicles service in-process, on a fresh database and the real broker:
// the feed uploaded in chunks over gRPC as the gateway sends it, then applied in the background.

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const today = ofmDay(new Date());
const HEADER =
  'action,insurer,policyNumber,vin,effectiveDate,expirationDate,combinedSingleLimit,bodilyInjuryPerPerson,bodilyInjuryPerAccident,propertyDamage';
// A German (W…) VIN carries no check digit; the feed's own rows use North American ones (1…) with it.
const northAmericanVin = (n: number): string => {
  const body = `1FT${String(n).padStart(6, '0')}Z${String(n).padStart(7, '0')}`.slice(0, 17);
  return `${body.slice(0, 8)}${vinCheckDigit(body)}${body.slice(9)}`;
};
const wrongCheckDigit = (vin: string) => `${vin.slice(0, 8)}${vin[8] === '0' ? '1' : '0'}${vin.slice(9)}`;
const start = addDays(today, -10);
const end = addDays(today, 355);

describe('insurer feeds (PostgreSQL + Kafka)', () => {
  let v: VehiclesUnderTest;
  let ds: DataSource;
  let app: NestFastifyApplication;
  const missionId = randomUUID();
  let serial = 0;

  // Vehicles registered with OFM, as the registration service leaves them (one mission owns them).
  const seedVehicles = async (count: number, kind = 'car', status = 'pending-insurance'): Promise<string[]> => {
    const first = serial + 1;
    serial += count;
    const vins = Array.from({ length: count }, (_, i) => northAmericanVin(first + i));
    await ds.query(
      `INSERT INTO vehicle (id, owner_mission_id, mission_id, vin, make, model, year, kind, plate,
                            registration_status, registered_on, expires_on, insurance_status)
       SELECT gen_random_uuid(), $1, $1, v, 'Volvo', 'XC90', 2024, $3, 'F' || v, $4, $5::date, $5::date + 365,
              CASE WHEN $4 = 'active' THEN 'insured' ELSE 'uninsured' END
         FROM unnest($2::text[]) AS v`,
      [missionId, vins, kind, status, today],
    );
    return vins;
  };

  const call = <T = any>(method: string, request: unknown, actor: Actor = officer) =>
    v.feeds.call<T>(method, request, actor);

  // The gateway's way: open an upload, append the body in chunks, commit.
  const send = async (csv: string, chunkCharacters = 4096) => {
    const { uploadId } = await call<{ uploadId: string }>('beginInsuranceFeed', {});
    let seq = 0;
    for (let at = 0; at < csv.length; at += chunkCharacters) {
      await call('appendInsuranceFeedChunk', { uploadId, seq: seq++, data: csv.slice(at, at + chunkCharacters) });
    }
    return call<{ feed: any; duplicate: boolean }>('commitInsuranceFeed', { uploadId, chunks: seq });
  };
  const done = async (id: string) => {
    let feed: any;
    await waitFor(
      async () => {
        feed = (await call<{ feed: any }>('getInsuranceFeed', { id })).feed;
        return feed.status === 'done';
      },
      { timeoutMs: 120_000, what: `feed ${id} done` },
    );
    return feed;
  };
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await ds.query(sql, params)) as Array<{ n: string }>)[0]!.n);

  beforeAll(async () => {
    v = await startVehiclesUnderTest({
      label: 'feed-test',
      database: 'vehicles_feed',
      // The test commits feeds; nothing polls behind its back.
      env: { INSURANCE_FEED_POLL_INTERVAL_MS: '0', INSURANCE_FEED_BATCH_ROWS: '500' },
    });
    ({ ds, app } = v);
  }, 120_000);

  afterAll(async () => {
    await v?.stop();
  }, 60_000);

  it('applies the good rows, refuses the bad ones with their line and column, and moves registrations', async () => {
    const [car, moto, active] = [
      ...(await seedVehicles(1)),
      ...(await seedVehicles(1, 'motorcycle')),
      ...(await seedVehicles(1, 'car', 'active')),
    ];
    await ds.query(
      `INSERT INTO insurance_policy (id, vehicle_id, insurer, policy_number, effective_date, expiration_date,
                                     combined_single_limit, currency)
       SELECT gen_random_uuid(), id, 'Acme', 'OLD-1', $2::date - 100, $2::date + 100, 300000, 'USD'
         FROM vehicle WHERE vin = $1`,
      [active, today],
    );
    const csv = [
      HEADER,
      `issue,Acme,P-1,${car},${start},${end},300000.00,,,`, // 2: applied, activates the car
      `issue,Acme,P-2,${moto},${start},${end},,100000,300000,50000`, // 3: applied (motorcycle split)
      `issue,Acme,P-3,${northAmericanVin(999_999)},${start},${end},300000.00,,,`, // 4: no such vehicle
      `issue,Acme,P-4,${wrongCheckDigit(car)},${start},${end},300000.00,,,`, // 5: check digit
      `issue,Acme,P-5,${car},${start},${end},250000.00,,,`, // 6: below the car minimum
      `renew,Acme,P-9,${car},${end},${addDays(end, 365)},300000.00,,,`, // 7: nothing to renew
      `issue,Acme,P-6,${car},2026-02-30,${end},300000.00,,,`, // 8: not a date
      '', // an empty line is skipped, not a row
      `cancel,Acme,OLD-1,${active},,${today},,,,`, // 10: applied, the active car loses its cover today
      `renew,Acme,P-1,${car},${end},${addDays(end, 365)},300000.00,,,`, // 11: applied
    ].join('\n');
    const { feed: accepted, duplicate } = await send(csv, 100);
    expect({ status: accepted.status, duplicate }).toEqual({ status: 'pending', duplicate: false });
    const feed = await done(accepted.id);
    expect({ applied: feed.rowsApplied, refused: feed.rowsRefused }).toEqual({ applied: 4, refused: 5 });
    expect(feed.errors).toEqual([
      { line: 4, field: 'vin', message: 'no vehicle registered with OFM has this VIN' },
      { line: 5, field: 'vin', message: 'has a wrong check digit (position 9)' },
      { line: 6, field: 'combinedSingleLimit', message: 'must be at least 300000.00 USD for a car' },
      { line: 7, field: 'policyNumber', message: 'no policy P-9 of Acme is recorded for this vehicle to renew' },
      { line: 8, field: 'effectiveDate', message: 'must be a real date YYYY-MM-DD' },
    ]);
    const status = async (vin: string) =>
      (
        (await ds.query(`SELECT registration_status AS r, insurance_status AS i FROM vehicle WHERE vin = $1`, [
          vin,
        ])) as Array<{ r: string; i: string }>
      )[0];
    expect(await status(car)).toEqual({ r: 'active', i: 'insured' });
    expect(await status(moto)).toEqual({ r: 'active', i: 'insured' });
    // Cancelled from today with no grace: lapsed and suspended at once (the insurance rules' judgement).
    expect(await status(active)).toEqual({ r: 'suspended', i: 'lapsed' });
    expect(
      await count(
        `SELECT count(*) AS n FROM insurance_policy p JOIN vehicle v ON v.id = p.vehicle_id WHERE v.vin = $1`,
        [car],
      ),
    ).toBe(2);
    // One audit entry per batch, naming the feed; insurance.recorded (with its DMV notice) only for the
    // two vehicles the feed made insured, not for the car's renewal (no status changed).
    expect(await count(`SELECT count(*) AS n FROM audit_record WHERE entity_id = $1`, [feed.id])).toBeGreaterThan(0);
    const recorded = (await ds.query(
      `SELECT v.vin FROM outbox_event e JOIN vehicle v ON v.id::text = e.subject
        WHERE e.type = 'gov.ofm.vehicles.insurance.recorded.v1' ORDER BY e.seq`,
    )) as Array<{ vin: string }>;
    expect(recorded.map((r) => r.vin)).toEqual([car, moto]);
    // The DMV topic still hears every status change: the two insured, the cancelled car lapsed.
    expect(
      await count(`SELECT count(*) AS n FROM outbox_event WHERE topic = 'ofm.partner.dmv.v1' AND subject = ANY($1)`, [
        [car, moto, active],
      ]),
    ).toBe(6);
  }, 120_000);

  it('answers the same feed sent twice with the first feed, changing nothing', async () => {
    const [vin] = await seedVehicles(1);
    const csv = `${HEADER}\nissue,Acme,TWICE-1,${vin},${start},${end},300000.00,,,\n`;
    const first = await done((await send(csv)).feed.id);
    const policies = await count(`SELECT count(*) AS n FROM insurance_policy`);
    const events = await count(`SELECT count(*) AS n FROM outbox_event`);
    const again = await send(csv, 7);
    expect({ id: again.feed.id, duplicate: again.duplicate }).toEqual({ id: first.id, duplicate: true });
    expect(await done(again.feed.id)).toEqual(first);
    expect(await count(`SELECT count(*) AS n FROM insurance_policy`)).toBe(policies);
    expect(await count(`SELECT count(*) AS n FROM outbox_event`)).toBe(events);
    // The second upload's chunks are not kept.
    expect(
      await count(`SELECT count(*) AS n FROM insurance_feed WHERE content_sha256 = $1`, [first.contentSha256]),
    ).toBe(1);
  }, 120_000);

  it('refuses a commit with a chunk missing, and a feed whose header lacks a column', async () => {
    const { uploadId } = await call<{ uploadId: string }>('beginInsuranceFeed', {});
    await call('appendInsuranceFeedChunk', { uploadId, seq: 0, data: 'a,b\n' });
    const failure = await failureOf(call('commitInsuranceFeed', { uploadId, chunks: 2 }));
    expect(failure.problem).toMatchObject({ status: 422, errors: [{ field: 'chunks' }] });
    const feed = await done((await send('action,insurer,vin\nissue,Acme,X\n')).feed.id);
    expect(feed.rowsApplied).toBe(0);
    expect(feed.errors.map((e: any) => [e.line, e.field])).toEqual([
      [1, 'policyNumber'],
      [1, 'effectiveDate'],
      [1, 'expirationDate'],
      [1, 'combinedSingleLimit'],
      [1, 'bodilyInjuryPerPerson'],
      [1, 'bodilyInjuryPerAccident'],
      [1, 'propertyDamage'],
    ]);
  }, 60_000);

  it('resumes a feed after a crash from its last committed batch, applying nothing twice', async () => {
    const vins = await seedVehicles(10);
    const rows = vins.map((v, i) => `issue,Acme,R-${i},${v},${start},${end},300000.00,,,`);
    const csv = `${HEADER}\n${rows.join('\n')}\n`;
    // The state a crash leaves after a batch of lines 2–5 committed: those policies recorded, the
    // feed running at line 5, the rest untouched.
    const id = randomUUID();
    await ds.query(
      `INSERT INTO insurance_feed (id, status, content_sha256, bytes, submitted_by, lines_done, rows_applied)
       VALUES ($1, 'running', encode(sha256($2::bytea), 'hex'), $3, 'officer-1', 5, 4)`,
      [id, Buffer.from(csv), Buffer.byteLength(csv)],
    );
    await ds.query(`INSERT INTO insurance_feed_chunk (feed_id, seq, data) VALUES ($1, 0, $2)`, [id, Buffer.from(csv)]);
    await ds.query(
      `INSERT INTO insurance_policy (id, vehicle_id, insurer, policy_number, effective_date, expiration_date,
                                     combined_single_limit, currency)
       SELECT gen_random_uuid(), v.id, 'Acme', 'R-' || (u.i - 1), $2, $3, 300000, 'USD'
         FROM unnest($1::text[]) WITH ORDINALITY AS u(vin, i) JOIN vehicle v ON v.vin = u.vin WHERE u.i <= 4`,
      [vins, start, end],
    );
    await app.get(InsuranceFeedProcessor).drain();
    const feed = await done(id);
    expect({ applied: feed.rowsApplied, refused: feed.rowsRefused, errors: feed.errors }).toEqual({
      applied: 10,
      refused: 0,
      errors: [],
    });
    expect(await count(`SELECT count(*) AS n FROM insurance_policy WHERE policy_number LIKE 'R-%'`)).toBe(10);
  }, 60_000);

  it('deletes uploads never committed once older than the TTL, keeping fresh uploads and committed feeds', async () => {
    const [vin] = await seedVehicles(1);
    const csv = `${HEADER}\nissue,Acme,SWEEP-1,${vin},${start},${end},300000.00,,,\n`;
    const committed = await done((await send(csv)).feed.id);
    const begun = async () => {
      const { uploadId } = await call<{ uploadId: string }>('beginInsuranceFeed', {});
      await call('appendInsuranceFeedChunk', { uploadId, seq: 0, data: `${HEADER}\n` });
      return uploadId;
    };
    const [abandoned, fresh] = [await begun(), await begun()];
    // The default TTL is 24 hours: the abandoned upload began 25 hours ago, and so did the committed feed.
    await ds.query(`UPDATE insurance_feed SET created_at = now() - interval '25 hours' WHERE id = ANY($1)`, [
      [abandoned, committed.id],
    ]);
    expect(await app.get(AbandonedUploadSweep).sweep()).toBe(1);
    const left = (await ds.query(`SELECT id, status FROM insurance_feed WHERE id = ANY($1) ORDER BY status`, [
      [abandoned, fresh, committed.id],
    ])) as Array<{ id: string; status: string }>;
    expect(left).toEqual([
      { id: committed.id, status: 'done' },
      { id: fresh, status: 'receiving' },
    ]);
    // Its chunks went with it; the committed feed keeps its evidence, and the fresh upload can still commit.
    expect(await count(`SELECT count(*) AS n FROM insurance_feed_chunk WHERE feed_id = $1`, [abandoned])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM insurance_feed_chunk WHERE feed_id = $1`, [committed.id])).toBe(1);
    expect(await failureOf(call('appendInsuranceFeedChunk', { uploadId: abandoned, seq: 1, data: 'x' }))).toMatchObject(
      {
        problem: { status: 404 },
      },
    );
    expect((await call<{ feed: any }>('commitInsuranceFeed', { uploadId: fresh, chunks: 1 })).feed.status).toBe(
      'pending',
    );
  }, 60_000);

  it('applies a feed of 10,000 rows in batches', async () => {
    const vins = await seedVehicles(10_000, 'car', 'active');
    const rows = vins.map((v, i) => `issue,Big Insurer,BIG-${i},${v},${start},${end},300000.00,,,`);
    const started = Date.now();
    const { feed: accepted } = await send(`${HEADER}\n${rows.join('\n')}\n`, 512 * 1024);
    const feed = await done(accepted.id);
    const seconds = (Date.now() - started) / 1000;
    expect({ applied: feed.rowsApplied, refused: feed.rowsRefused }).toEqual({ applied: 10_000, refused: 0 });
    expect(await count(`SELECT count(*) AS n FROM insurance_policy WHERE insurer = 'Big Insurer'`)).toBe(10_000);
    // 20 batches of 500: one audit entry each.
    expect(await count(`SELECT count(*) AS n FROM audit_record WHERE entity_id = $1`, [feed.id])).toBe(20);
    console.log(`insurer feed: 10,000 rows in ${seconds.toFixed(1)} s (${Math.round(10_000 / seconds)} rows/s)`);
  }, 180_000);
});
