import { SchedulerRegistry } from '@nestjs/schedule';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { createDataSource, PeriodicJobs, runExclusively, runMigrations, type JobOutcome } from '../src';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Two replicas of a service are two DataSources (two pools) on the same database.
describe('periodic jobs on two replicas (PostgreSQL advisory locks)', () => {
  let db: TestDatabase;
  let replicaA: DataSource;
  let replicaB: DataSource;

  const replica = (name: string) =>
    createDataSource({ url: db.url, entities: [], migrations: [], applicationName: `ofm-jobs-${name}`, poolSize: 3 });
  const advisoryLocksHeld = async (): Promise<number> =>
    (
      (await replicaA.query(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory'`)) as { n: number }[]
    )[0]!.n;

  // A job that takes a while and counts how many copies of itself run at once, across replicas.
  const counted = () => {
    const stats = { runs: 0, running: 0, maxRunning: 0 };
    const job = async () => {
      stats.runs += 1;
      stats.running += 1;
      stats.maxRunning = Math.max(stats.maxRunning, stats.running);
      await pause(150);
      stats.running -= 1;
      return stats.runs;
    };
    return { stats, job };
  };

  beforeAll(async () => {
    db = await createTestDatabase('periodic_jobs');
    replicaA = replica('a');
    replicaB = replica('b');
    await runMigrations(replicaA);
    await replicaB.initialize();
  });

  afterAll(async () => {
    await replicaA?.destroy();
    await replicaB?.destroy();
    await db?.drop();
  });

  it('runs a job once when two replicas trigger it at the same moment, and releases the lock', async () => {
    const { stats, job } = counted();
    const outcomes = await Promise.all([
      runExclusively(replicaA, 'test.sweep', job),
      runExclusively(replicaB, 'test.sweep', job),
    ]);
    expect(stats.runs).toBe(1);
    expect(outcomes.filter((o) => o.ran)).toEqual([{ ran: true, result: 1 }]);
    expect(outcomes.filter((o) => !o.ran)).toEqual([{ ran: false }]);
    expect(await advisoryLocksHeld()).toBe(0);
    // Free again: the next turn runs, on whichever replica.
    await expect(runExclusively(replicaB, 'test.sweep', job)).resolves.toEqual({ ran: true, result: 2 });
  });

  it('keeps jobs of other names apart, and releases the lock when the job fails', async () => {
    const a = counted();
    const b = counted();
    const outcomes = await Promise.all([
      runExclusively(replicaA, 'test.one', a.job),
      runExclusively(replicaB, 'test.other', b.job),
    ]);
    expect(outcomes.map((o) => o.ran)).toEqual([true, true]);

    await expect(
      runExclusively(replicaA, 'test.failing', async () => {
        throw new Error('job failed');
      }),
    ).rejects.toThrow('job failed');
    expect(await advisoryLocksHeld()).toBe(0);
    await expect(runExclusively(replicaB, 'test.failing', async () => 'ran')).resolves.toEqual({
      ran: true,
      result: 'ran',
    });
  });

  it('never runs a scheduled job twice at once across replicas, and stops it on shutdown', async () => {
    const { stats, job } = counted();
    const replicas = [
      new PeriodicJobs(replicaA, new SchedulerRegistry()),
      new PeriodicJobs(replicaB, new SchedulerRegistry()),
    ];
    for (const jobs of replicas) jobs.register({ name: 'test.every-20ms', everyMs: 20, run: job });

    const simultaneous: JobOutcome[] = await Promise.all(replicas.map((jobs) => jobs.run('test.every-20ms')));
    expect(simultaneous.sort()).toEqual(['ran', 'skipped']);

    for (const jobs of replicas) jobs.onApplicationBootstrap();
    await pause(1_000);
    await Promise.all(replicas.map((jobs) => jobs.beforeApplicationShutdown()));
    const runsAtShutdown = stats.runs;
    expect(runsAtShutdown).toBeGreaterThanOrEqual(3);
    expect(stats.maxRunning).toBe(1);
    expect(stats.running).toBe(0);
    await pause(100);
    expect(stats.runs).toBe(runsAtShutdown);
  });

  it('runs a job of every replica when it is not exclusive, and never schedules one every 0 ms', async () => {
    const { stats, job } = counted();
    const replicas = [
      new PeriodicJobs(replicaA, new SchedulerRegistry()),
      new PeriodicJobs(replicaB, new SchedulerRegistry()),
    ];
    for (const jobs of replicas) jobs.register({ name: 'test.gauge', everyMs: 0, exclusive: false, run: job });
    for (const jobs of replicas) jobs.onApplicationBootstrap();
    await pause(100);
    expect(stats.runs).toBe(0);
    expect(await Promise.all(replicas.map((jobs) => jobs.run('test.gauge')))).toEqual(['ran', 'ran']);
    expect(stats.maxRunning).toBe(2);
    await Promise.all(replicas.map((jobs) => jobs.beforeApplicationShutdown()));
  });
});
