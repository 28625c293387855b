import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from './wait-for';

// Tests run the services as the real built programs (dist/main.js), as Kubernetes would, so that
// OpenTelemetry instrumentation, configuration validation and shutdown are the production ones.
export const REPO_ROOT = resolve(__dirname, '../../..');
const logDir = join(REPO_ROOT, '.local', 'logs', 'tests');

export interface ServiceProcess {
  name: string;
  process: ChildProcess;
  logFile: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Applies a service's migrations to `databaseUrl` by running its migrate program. */
export function migrateService(name: string, databaseUrl: string): void {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'services', name, 'dist', 'migrate.js')], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`migrations of ${name} failed (exit ${result.status}): ${result.stderr || result.stdout}`);
  }
}

export function startService(name: string, env: Record<string, string>, label = name): ServiceProcess {
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `${label}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  // OFM_SERVICE_NODE_ARGS adds Node.js flags to every service a test or benchmark starts, e.g.
  // `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile them under load.
  const extraArgs = (process.env.OFM_SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // TypeScript lines in a failing test's service logs, unless OFM_SOURCE_MAPS=0 (the benchmarks:
  // they measure the services as deployed, where source maps are off for their ~100 MB).
  const sourceMaps = process.env.OFM_SOURCE_MAPS === '0' ? [] : ['--enable-source-maps'];
  const child = spawn(
    process.execPath,
    [...extraArgs, ...sourceMaps, join(REPO_ROOT, 'services', name, 'dist', 'main.js')],
    {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    name,
    process: child,
    logFile,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Waits until `GET {baseUrl}/health/ready` answers 200, failing fast if the process died. */
export async function waitForReady(service: ServiceProcess, baseUrl: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    async () => {
      if (service.process.exitCode !== null) {
        throw new Error(`${service.name} exited with code ${service.process.exitCode}; see ${service.logFile}`);
      }
      const response = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
      return response?.status === 200;
    },
    { timeoutMs, intervalMs: 250, what: `${service.name} ready at ${baseUrl} (log: ${service.logFile})` },
  ).catch((error: Error) => {
    if (service.process.exitCode !== null) throw new Error(`${service.name} exited; see ${service.logFile}`);
    throw error;
  });
}
