import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { api, firstSecretary, freePort, isoDate, startPlatform, type RunningPlatform } from '@ofm/testing';
import { measureBusy, platformGroups, type BusyReport, type ProcessGroup } from './busy';
import { childServices, residentBy } from './memory';
import { percentile, round, table } from './stats';

// Accreditations through the gateway (POST /api/v1/members: notify an appointment, each with its
// own Idempotency-Key) at steady offered rates, rising until p99 passes the budget or an answer is
// not 201; then twice the best rate, to see what overload answers. Beside it, in the same run, a
// bare Fastify + pg server inserting the same row in one transaction. Also each service's resident
// memory idle, after the load and a while later (docs/operations/write-path.md reads them).
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const rates = (process.env.BENCH_WRITE_RATES ?? '100,150,200,250,300,350,400,500,600')
  .split(',')
  .map(Number)
  .filter((r) => r > 0);
const settleSeconds = Number(process.env.BENCH_MEMORY_SETTLE_SECONDS ?? 60);
const p99BudgetMs = 250;
// Several officers, as in an office: the gateway's limits are per caller and should not be what
// this benchmark measures.
const OFFICERS = 20;

// The First Secretary of the end-to-end tests, arriving today (as OFM counts days).
const notification = (missionId: string) => firstSecretary(missionId, isoDate());

export interface RateStep {
  offered: number;
  achieved: number;
  p50: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  /** CPU seconds of each kind of process during the step (bench/src/busy.ts). */
  busy: BusyReport;
  /** Outbox rows still unpublished at the end of the step, and seconds until none were. */
  outboxBacklog: number;
  outboxDrainSeconds: number;
}

// Open-loop load at a steady rate, as wrk2 does: request i is due at start + i/rate whatever the
// answers before it, and its latency counts from when it was due, so a stalled server shows as
// latency instead of as fewer requests (coordinated omission). autocannon's overallRate refills
// each connection's budget once a second, which sends the requests in bursts at each second's start.
async function paced(
  url: string,
  rate: number,
  seconds: number,
  body: string,
  headers: () => Record<string, string>,
): Promise<Omit<RateStep, 'busy' | 'outboxBacklog' | 'outboxDrainSeconds'>> {
  const target = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: 2000 });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const total = Math.round(rate * seconds);
  const one = (due: number) =>
    new Promise<void>((done) => {
      const req = request(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          agent,
          timeout: 10_000,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers() },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - due);
            statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
            done();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => {
        errors += 1;
        done();
      });
      req.end(body);
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let sent = 0; sent < total;) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) inFlight.push(one(started + (sent * 1000) / rate));
    await sleep(2);
  }
  await Promise.all(inFlight);
  agent.destroy();
  return {
    offered: rate,
    achieved: round((latencies.length + errors) / seconds, 0),
    p50: round(percentile(latencies, 50), 0),
    p99: round(percentile(latencies, 99), 0),
    max: round(Math.max(...latencies), 0),
    statuses,
    errors,
  };
}

const passes = (s: RateStep) =>
  s.errors === 0 &&
  Object.keys(s.statuses).every((c) => c === '201') &&
  s.p99 <= p99BudgetMs &&
  s.achieved >= s.offered * 0.95;

async function outboxPending(db: Client): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM outbox_event WHERE published_at IS NULL',
  );
  return rows[0]?.n ?? 0;
}

async function drainOutbox(db: Client): Promise<{ backlog: number; seconds: number }> {
  const started = Date.now();
  const backlog = await outboxPending(db);
  while ((await outboxPending(db)) > 0 && Date.now() - started < 60_000) await sleep(200);
  return { backlog, seconds: round((Date.now() - started) / 1000, 1) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function measured(
  groups: readonly ProcessGroup[],
  db: Client,
  run: () => ReturnType<typeof paced>,
): Promise<RateStep> {
  const stop = measureBusy(groups);
  const step = await run();
  const busy = stop();
  const drained = await drainOutbox(db);
  return { ...step, busy, outboxBacklog: drained.backlog, outboxDrainSeconds: drained.seconds };
}

// Offered rates in order until two in a row fail: on a shared machine one step can be disturbed by
// another process, so a single miss does not end the ramp; every step is kept.
async function ramp(step: (rate: number) => Promise<RateStep>): Promise<RateStep[]> {
  const steps: RateStep[] = [];
  let misses = 0;
  for (const rate of rates) {
    const s = await step(rate);
    steps.push(s);
    console.log(`  ${rate}/s: ${s.achieved}/s, p99 ${s.p99} ms, ${JSON.stringify(s.statuses)}, errors ${s.errors}`);
    misses = passes(s) ? 0 : misses + 1;
    if (misses === 2) break;
  }
  return steps;
}

async function startBaseline(platform: RunningPlatform, templateRow: unknown) {
  const port = await freePort();
  const bare = fork(join(__dirname, 'bare-accreditation-writer.js'), [], {
    env: { ...process.env, DATABASE_URL: platform.databases.accreditation!.url, PORT: String(port) },
  });
  await new Promise((resolve) => bare.once('message', resolve));
  return {
    url: `http://127.0.0.1:${port}/members`,
    body: JSON.stringify(templateRow),
    stop: () => bare.kill('SIGTERM'),
  };
}

export async function benchAccreditationWrite() {
  const platform = await startPlatform('bench_write');
  const db = new Client({ connectionString: platform.databases.accreditation!.url });
  await db.connect();
  try {
    const services = childServices();
    const groups: ProcessGroup[] = [
      {
        name: 'baseline (bare Fastify + pg writer)',
        matches: (p) => p.ppid === process.pid && p.cmdline.includes('bare-accreditation-writer'),
      },
      ...platformGroups({
        services: services.map((s) => s.name),
        databases: Object.values(platform.databases).map((d) => d.name),
      }),
    ];
    await sleep(5000); // idle: after start-up work (migrations, JIT of the start path, first GC)
    const idle = residentBy(services);
    const tokens = await Promise.all(
      Array.from({ length: OFFICERS }, (_, i) =>
        platform.issuer.token({ sub: `bench-officer-${i}`, roles: ['ofm-officer'] }, { expiresIn: '1h' }),
      ),
    );
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token: tokens[0],
      body: {
        name: 'Embassy of France',
        country: 'FR',
        type: 'embassy',
        address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
        location: { lat: 38.9126, lon: -77.0787 },
      },
    });
    if (mission.status !== 201) throw new Error(`could not create the mission: ${JSON.stringify(mission.body)}`);
    const body = JSON.stringify(notification(mission.body.id));
    let n = 0;
    const headers = () => ({
      authorization: `Bearer ${tokens[n++ % OFFICERS]}`,
      'idempotency-key': randomUUID(),
    });
    const url = `${platform.baseUrl}/api/v1/members`;
    // Warm-up: JIT, pools, gRPC channel, Kafka producer.
    await paced(url, 100, 8, body, headers);
    await drainOutbox(db);

    console.log('accreditations through the gateway:');
    const platformSteps = await ramp((rate) => measured(groups, db, () => paced(url, rate, duration, body, headers)));
    const best = [...platformSteps].reverse().find(passes);
    const doubleRate = (best?.offered ?? rates[0]!) * 2;
    const overload = await measured(groups, db, () => paced(url, doubleRate, duration, body, headers));
    console.log(`  twice the best (${doubleRate}/s): ${JSON.stringify(overload.statuses)}, p99 ${overload.p99} ms`);
    const afterLoad = residentBy(services);

    const { rows } = await db.query('SELECT * FROM member LIMIT 1');
    const template = { ...rows[0] };
    delete template.id;
    delete template.pid;
    const baseline = await startBaseline(platform, template);
    let baselineSteps: RateStep[];
    try {
      console.log('baseline (bare Fastify + pg):');
      baselineSteps = await ramp((rate) =>
        measured(groups, db, () => paced(baseline.url, rate, duration, baseline.body, () => ({}))),
      );
    } finally {
      baseline.stop();
    }
    await sleep(settleSeconds * 1000);
    const settled = residentBy(services);
    return {
      p99BudgetMs,
      platform: { steps: platformSteps, bestRate: best?.offered ?? 0, overload },
      baseline: { steps: baselineSteps, bestRate: [...baselineSteps].reverse().find(passes)?.offered ?? 0 },
      memoryMb: { idle, afterLoad, [`after${settleSeconds}s`]: settled },
    };
  } finally {
    await db.end();
    await platform.stop();
  }
}

export function reportAccreditationWrite(r: Awaited<ReturnType<typeof benchAccreditationWrite>>): string {
  const row = (stack: string, s: RateStep) => ({
    stack,
    'offered/s': s.offered,
    'achieved/s': s.achieved,
    'p50 ms': s.p50,
    'p99 ms': s.p99,
    answers: Object.entries(s.statuses)
      .map(([c, k]) => `${c}×${k}`)
      .join(' '),
    errors: s.errors,
    'outbox backlog': s.outboxBacklog,
    'busy CPU s': Object.entries(s.busy)
      .filter(([, c]) => c >= 0.5)
      .map(([p, c]) => `${p} ${c}`)
      .join(', '),
  });
  const memory = Object.entries(r.memoryMb).map(([when, byService]) => ({ when, ...byService }));
  return [
    `POST /api/v1/members (accreditation write), steady rates, ${duration} s each, p99 budget ${r.p99BudgetMs} ms:`,
    `highest rate within budget and without error: platform ${r.platform.bestRate}/s, bare Fastify + pg ${r.baseline.bestRate}/s`,
    table([
      ...r.platform.steps.map((s) => row('gateway → accreditation', s)),
      row('gateway → accreditation, twice the best', r.platform.overload),
      ...r.baseline.steps.map((s) => row('bare Fastify + pg (baseline)', s)),
    ]),
    'resident memory (VmRSS, MB):',
    table(memory),
  ].join('\n');
}
