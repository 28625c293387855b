import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { counter, histogram } from '@ofm/platform';
import { DataSource } from 'typeorm';
import { runExclusively } from './run-exclusively';

export interface PeriodicJob {
  /** Unique in the service, e.g. `vehicles.insurance-lapse-sweep`: scheduler entry, lock key, log and metric label. */
  name: string;
  /** Milliseconds between runs; 0 (or less) schedules nothing, and the job only runs when asked (`run`). */
  everyMs: number;
  /**
   * Default true: among all replicas on the database at most one runs the job at a time (advisory
   * lock, runExclusively); the others skip that turn. False: every replica runs it (local gauges).
   */
  exclusive?: boolean;
  /** Also run once right after the application started. Default false. */
  runAtStart?: boolean;
  run(): Promise<unknown>;
}

export type JobOutcome = 'ran' | 'skipped' | 'failed';

const runs = () =>
  counter(
    'ofm_periodic_job_runs_total',
    'Runs of periodic jobs: ran, skipped (another replica or run holds it) or failed',
    ['job', 'outcome'] as const,
  );
const durations = () =>
  histogram(
    'ofm_periodic_job_duration_seconds',
    'Duration of the periodic jobs that ran',
    ['job'] as const,
    [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
  );

/**
 * The service's periodic jobs on @nestjs/schedule's SchedulerRegistry: register them in onModuleInit,
 * timers start once the application has started (unref'd: they never keep a process alive). A job
 * still running when its next turn comes is not started twice; on shutdown the timers stop and
 * running jobs are awaited before the pool closes.
 */
@Injectable()
export class PeriodicJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('PeriodicJobs');
  private readonly jobs = new Map<string, PeriodicJob>();
  private readonly running = new Map<string, Promise<JobOutcome>>();
  private started = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  register(job: PeriodicJob): void {
    if (this.jobs.has(job.name)) throw new Error(`periodic job ${job.name} is registered twice`);
    this.jobs.set(job.name, job);
    if (this.started) this.schedule(job);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  onApplicationBootstrap(): void {
    if (this.started) return;
    this.started = true;
    for (const job of this.jobs.values()) this.schedule(job);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    for (const name of this.jobs.keys()) {
      if (this.scheduler.doesExist('interval', intervalName(name))) this.scheduler.deleteInterval(intervalName(name));
    }
    await Promise.all(this.running.values());
  }

  /** Runs the job now (a run already going on in this process is joined, not doubled). */
  run(name: string): Promise<JobOutcome> {
    const job = this.jobs.get(name);
    if (!job) return Promise.reject(new Error(`no periodic job ${name}`));
    const current = this.running.get(name);
    if (current) return current;
    const run = this.execute(job).finally(() => this.running.delete(name));
    this.running.set(name, run);
    return run;
  }

  private schedule(job: PeriodicJob): void {
    const tick = (): void => {
      if (!this.stopping && this.dataSource.isInitialized) void this.run(job.name);
    };
    if (job.everyMs > 0) {
      const timer = setInterval(tick, job.everyMs);
      timer.unref();
      this.scheduler.addInterval(intervalName(job.name), timer);
    }
    if (job.runAtStart) setTimeout(tick, 0).unref();
  }

  private async execute(job: PeriodicJob): Promise<JobOutcome> {
    const stopTimer = durations().startTimer({ job: job.name });
    let outcome: JobOutcome;
    try {
      if (job.exclusive ?? true) {
        const done = await runExclusively(this.dataSource, `ofm.periodic-job:${job.name}`, () => job.run());
        outcome = done.ran ? 'ran' : 'skipped';
      } else {
        await job.run();
        outcome = 'ran';
      }
    } catch (error) {
      outcome = 'failed';
      this.logger.warn(`periodic job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (outcome === 'ran') stopTimer();
    runs().inc({ job: job.name, outcome });
    return outcome;
  }
}

const intervalName = (job: string): string => `ofm:${job}`;
