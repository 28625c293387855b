import { fork } from 'node:child_process';
import { join } from 'node:path';
import { writtenServices } from '@ofm/registry';
import {
  api,
  embassyOfFrance,
  firstSecretary,
  freePort,
  isoDate,
  startPlatform,
  type RunningPlatform,
} from '@ofm/testing';
import { measureBusy, platformGroups, type BusyReport } from './busy';
import { wrk, type LoadResult } from './wrk';

// What the read benchmarks share: a test platform (its own databases, consumer groups that start at
// the end of the broker's topics, so no history is replayed while we measure), one accredited member
// to read, the bare baseline server on the same database, and a measurement that counts which
// processes were busy.
export const duration = Number(process.env.BENCH_DURATION_SECONDS ?? 10);
const WARMUP_SECONDS = 3; // JIT, pools, connections, caches
const BUSY_MARGIN_MS = 300;

export interface ReadPlatform {
  platform: RunningPlatform;
  memberId: string;
  idCard: string;
  officer: string;
  trooper: string;
  baselineUrl: string;
  /** Warm-up, then the measured run, with the CPU seconds of each process during it. */
  measure(url: string, connections: number, headers?: Record<string, string>): Promise<Measured>;
  stop(): Promise<void>;
}

export interface Measured extends LoadResult {
  busyCpuSeconds: BusyReport;
  /**
   * CPU milliseconds per answered request of each process that serves it: unlike req/s, this hardly
   * moves when other work shares the machine, so it is the figure to compare changes by.
   */
  cpuMsPerRequest: Record<string, number>;
}

const SERVING = (services: readonly string[]) => [
  ...services,
  'baseline (bare Fastify + pg)',
  'PostgreSQL (backends of the bench databases)',
];

const created = (what: string, answer: { status: number; body: unknown }, status: number) => {
  if (answer.status !== status) throw new Error(`could not create ${what}: ${JSON.stringify(answer.body)}`);
  return answer.body as Record<string, any>;
};

export async function startReadPlatform(label: string): Promise<ReadPlatform> {
  // One token sends every request: the per-caller budget (RATE_LIMIT_PER_CALLER, 100/s by default)
  // would answer 429 long before capacity. These benchmarks measure capacity, so it is off unless set.
  process.env.RATE_LIMIT_PER_CALLER ??= '0';
  const platform = await startPlatform(label);
  const stops: (() => Promise<void>)[] = [() => platform.stop()];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const officer = await platform.issuer.token({ sub: 'bench-officer', roles: ['ofm-officer'] }, { expiresIn: '1h' });
    const trooper = await platform.issuer.token(
      { sub: 'bench-trooper', roles: ['law-enforcement'] },
      { expiresIn: '1h' },
    );
    const mission = created(
      'the mission',
      await api(platform.baseUrl, 'POST', '/api/v1/missions', {
        token: officer,
        body: embassyOfFrance,
      }),
      201,
    );
    const member = created(
      'the member',
      await api(platform.baseUrl, 'POST', '/api/v1/members', {
        token: officer,
        body: firstSecretary(mission.id, isoDate()),
      }),
      201,
    );
    const accredited = created(
      'the accreditation',
      await api(platform.baseUrl, 'POST', `/api/v1/members/${member.id}/accreditation`, {
        token: officer,
        body: { decision: 'accredit' },
      }),
      200,
    );

    const port = await freePort();
    const bare = fork(join(__dirname, 'bare-member-server.js'), [], {
      env: { ...process.env, DATABASE_URL: platform.databases.accreditation!.url, PORT: String(port) },
    });
    stops.push(async () => {
      const exited = new Promise((resolve) => bare.once('exit', resolve));
      bare.kill('SIGTERM');
      await exited;
    });
    await new Promise((resolve) => bare.once('message', resolve));

    const services = writtenServices().map((s) => s.name);
    const groups = platformGroups({
      services,
      databases: Object.values(platform.databases).map((d) => d.name),
    });
    const measure = async (url: string, connections: number, headers: Record<string, string> = {}) => {
      await wrk(url, { connections, seconds: WARMUP_SECONDS, headers });
      // The CPU count stops a moment before wrk does, while wrk still runs and can be counted too
      // (an exited process is gone from /proc); the per-request cost is scaled to that window.
      let busy: (() => BusyReport) | undefined;
      let busyCpuSeconds: BusyReport = {};
      const windowMs = duration * 1000 - BUSY_MARGIN_MS;
      let stopCounting: NodeJS.Timeout | undefined;
      const result = await wrk(url, {
        connections,
        seconds: duration,
        headers,
        onStart: () => {
          busy = measureBusy(groups);
          stopCounting = setTimeout(() => (busyCpuSeconds = busy!()), windowMs);
        },
      }).finally(() => clearTimeout(stopCounting));
      const requestsInWindow = (result.requests * windowMs) / (duration * 1000);
      const cpuMsPerRequest = Object.fromEntries(
        SERVING(services)
          .filter((name) => (busyCpuSeconds[name] ?? 0) >= 0.1)
          .map((name) => [name, Number(((busyCpuSeconds[name]! * 1000) / requestsInWindow).toFixed(3))]),
      );
      return { ...result, busyCpuSeconds, cpuMsPerRequest };
    };
    return {
      platform,
      memberId: member.id,
      idCard: accredited.idCard.number,
      officer,
      trooper,
      baselineUrl: `http://127.0.0.1:${port}`,
      measure,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Platform req/s over baseline req/s: the figure the targets are set in. */
export const ratio = (platform: LoadResult, baseline: LoadResult): number =>
  Number((platform.rps / baseline.rps).toFixed(3));

/** CPU ms per request of the processes that served it, as one line. */
export const costLine = (m: Measured): string =>
  Object.entries(m.cpuMsPerRequest)
    .map(([name, ms]) => `${name} ${ms}`)
    .join(', ');

/** The busy processes of a measurement as one line, busiest first, without the idle ones. */
export const busyLine = (busy: BusyReport): string =>
  Object.entries(busy)
    .filter(([, seconds]) => seconds >= 0.1)
    .map(([name, seconds]) => `${name} ${seconds} s`)
    .join(', ');
