import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';

export type HealthCheck = () => Promise<void>;

export interface HealthCheckOutcome {
  name: string;
  ok: boolean;
  error?: string;
}

export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

// What "ready" means for this service: every registered check (database, Kafka, downstream
// services) resolves within the timeout. Readiness drops as soon as the app starts shutting down,
// so that the load balancer stops sending traffic before connections close.
@Injectable()
export class HealthRegistry implements BeforeApplicationShutdown {
  private readonly checks = new Map<string, HealthCheck>();
  private shuttingDown = false;
  private lastReady: boolean | undefined;
  private readonly logger = new Logger('Health');

  register(name: string, check: HealthCheck): void {
    this.checks.set(name, check);
  }

  unregister(name: string): void {
    this.checks.delete(name);
  }

  names(): string[] {
    return [...this.checks.keys()];
  }

  entries(): [string, HealthCheck][] {
    return [...this.checks.entries()];
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  async runAll(timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<HealthCheckOutcome[]> {
    const outcomes = await Promise.all(this.entries().map(([name, check]) => runCheck(name, check, timeoutMs)));
    this.noteReadiness(outcomes);
    return outcomes;
  }

  async isReady(timeoutMs = HEALTH_CHECK_TIMEOUT_MS): Promise<boolean> {
    if (this.shuttingDown) return false;
    return (await this.runAll(timeoutMs)).every((outcome) => outcome.ok);
  }

  // Probes run every few seconds: log when readiness changes, not on every failed probe.
  private noteReadiness(outcomes: HealthCheckOutcome[]): void {
    const failed = outcomes.filter((outcome) => !outcome.ok);
    const ready = failed.length === 0;
    if (ready === this.lastReady) return;
    this.lastReady = ready;
    if (ready) this.logger.log(`ready: ${outcomes.map((o) => o.name).join(', ') || 'no checks'} pass`);
    else this.logger.warn(`not ready: ${failed.map((o) => `${o.name} (${o.error})`).join(', ')}`);
  }
}

export const runCheck = async (
  name: string,
  check: HealthCheck,
  timeoutMs = HEALTH_CHECK_TIMEOUT_MS,
): Promise<HealthCheckOutcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(check), timeout]);
    return { name, ok: true };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
};
