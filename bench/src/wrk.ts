import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round } from './stats';

// wrk (Debian package, installed by bench/run.sh) is the load generator: one C process with an event
// loop per thread costs a fraction of a Node load generator's CPU on this 2-core machine, so more of
// the machine is left to what we measure. Its Lua `done` hook prints the figures as one JSON line.
const REPORT_LUA = `
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nWRK-JSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p99Us":%d,"maxUs":%d,' ..
    '"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

let script: string | undefined;
const reportScript = (): string => {
  script ??= join(mkdtempSync(join(tmpdir(), 'ofm-bench-wrk-')), 'report.lua');
  writeFileSync(script, REPORT_LUA);
  return script;
};

export interface WrkOptions {
  connections: number;
  seconds: number;
  threads?: number;
  headers?: Record<string, string>;
  /** Called with wrk's pid once it runs, e.g. to count its CPU time. */
  onStart?: (pid: number) => void;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
}

/** Runs wrk against `url`; throws if any answer was not 2xx/3xx or any socket error happened. */
export async function wrk(url: string, options: WrkOptions): Promise<LoadResult> {
  const args = [
    `-t${options.threads ?? Math.min(2, options.connections)}`,
    `-c${options.connections}`,
    `-d${options.seconds}s`,
    '--timeout',
    '5s',
    '-s',
    reportScript(),
    ...Object.entries(options.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    url,
  ];
  const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onStart?.(child.pid);
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT' ? new Error('wrk is not installed: run `bash bench/run.sh` (it installs it)') : error,
      ),
    );
    child.once('exit', resolve);
  });
  const line = /WRK-JSON (\{.*\})/.exec(out)?.[1];
  if (code !== 0 || !line) throw new Error(`wrk ${url} failed (exit ${code}): ${out}`);
  const r = JSON.parse(line) as Record<string, number>;
  const errors = r.connect + r.read + r.write + r.status + r.timeout;
  if (errors > 0) throw new Error(`${url}: ${errors} failed requests under load (wrk: ${line})`);
  return {
    rps: round(r.requests / (r.durationUs / 1e6), 0),
    p50: round(r.p50Us / 1000, 1),
    p99: round(r.p99Us / 1000, 1),
    max: round(r.maxUs / 1000, 1),
    requests: r.requests,
  };
}
