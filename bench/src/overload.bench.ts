import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import { startPlatform } from '@ofm/testing';
import { measureBusy, platformGroups, type BusyReport } from './busy';
import { round, table } from './stats';

// POST /api/v1/missions (a command) from far more clients than the platform serves, with the
// platform's default limits: every answer must be 2xx, 429 or 503 (e2e/overload checks their
// Retry-After), and 99% of
// them must come within 2 s (a request past capacity is refused at once, not queued). Beside it, in
// the same run, the same command at a load the platform serves (the baseline).
const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const OVERLOAD_CONNECTIONS = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 1500);
const BASELINE_CONNECTIONS = 10;
const CALLERS = 20;

interface OverloadResult {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** Answers by HTTP status. */
  statuses: Record<string, number>;
  /** Connection errors and timeouts: no answer at all. */
  errors: number;
  timeouts: number;
}

async function load(baseUrl: string, tokens: string[], connections: number): Promise<OverloadResult> {
  let sent = 0;
  const instance = autocannon({
    url: `${baseUrl}/api/v1/missions`,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        // Each request its own caller (round robin), Idempotency-Key and mission.
        setupRequest: (request) => {
          const n = sent++;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens[n % tokens.length]}`,
              'idempotency-key': randomUUID(),
            },
            body: JSON.stringify({
              name: `Embassy of Japan (overload ${n})`,
              country: 'JP',
              type: 'embassy',
              address: { line1: '2520 Massachusetts Avenue NW', city: 'Washington', state: 'DC', postalCode: '20008' },
              location: { lat: 38.9167, lon: -77.0576 },
            }),
          };
        },
      },
    ],
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = stats?.count ?? 0;
  return {
    connections,
    requests: result.requests.total,
    rps: round(result.requests.average, 0),
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

export async function benchOverload() {
  const platform = await startPlatform('bench_overload');
  try {
    const tokens = await Promise.all(
      Array.from({ length: CALLERS }, (_, i) =>
        platform.issuer.token({ sub: `officer-overload-${i}`, roles: ['ofm-officer'] }, { expiresIn: '1h' }),
      ),
    );
    await load(platform.baseUrl, tokens, BASELINE_CONNECTIONS); // warm-up: JIT, pools, connections
    const baseline = await load(platform.baseUrl, tokens, BASELINE_CONNECTIONS);
    const stopBusy = measureBusy(
      platformGroups({
        services: ['gateway', 'accreditation', 'vehicles'],
        databases: Object.values(platform.databases).map((d) => d.name),
      }),
    );
    const overload = await load(platform.baseUrl, tokens, OVERLOAD_CONNECTIONS);
    const busy: BusyReport = stopBusy();
    const unexpected = Object.keys(overload.statuses).filter((s) => !/^2\d\d$/.test(s) && s !== '429' && s !== '503');
    return {
      baseline,
      overload,
      busy,
      verdict: {
        onlyExpectedStatuses: unexpected.length === 0 && overload.errors === 0 && overload.timeouts === 0,
        p99WithinTwoSeconds: overload.p99 <= 2000,
      },
    };
  } finally {
    await platform.stop();
  }
}

export function reportOverload(r: Awaited<ReturnType<typeof benchOverload>>): string {
  const row = (label: string, o: OverloadResult) => ({
    load: label,
    connections: o.connections,
    'answers/s': o.rps,
    'p50 ms': o.p50,
    'p99 ms': o.p99,
    statuses: Object.entries(o.statuses)
      .map(([s, n]) => `${s}×${n}`)
      .join(' '),
    'no answer': o.errors + o.timeouts,
  });
  return [
    `POST /api/v1/missions (a command per request, its own Idempotency-Key), ${duration} s each:`,
    table([row('within capacity (baseline)', r.baseline), row('overload', r.overload)]),
    `verdict: ${JSON.stringify(r.verdict)}`,
    `CPU seconds during the overload: ${JSON.stringify(r.busy)}`,
  ].join('\n');
}
