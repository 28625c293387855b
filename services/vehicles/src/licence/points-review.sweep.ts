import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { flagCleared } from '@ofm/compliance';
import { Clock, type IsoDay } from '@ofm/kernel';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { selectRows } from '../shared/sql';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { commitLicenceChange } from './licence.commit';
import { LicenceEntity } from './licence.entity';
import { clearedPointsFlag } from './licence.flags';
import { recordOf } from './licence.store';
import { pointsFlagChange, pointsOn } from './points.rules';

// Points fall without any command: a violation ages out of the two-year window on its day (OFM's
// day, points.rules droppedOn). This job clears the points-threshold flag of each licence whose
// points stand below 8 on the day it runs: exactly once, since the flag's id is taken off the
// licence in the transaction that publishes the clearing, however often the job runs. Only flagged
// licences are read (few), and each is judged by the same rule as the violation command
// (pointsFlagChange) under its row lock; rows a command holds are left to the next run. It runs every
// LICENCE_POINTS_SWEEP_INTERVAL_MS (default hourly, at most daily; 0: only when called) and once at
// start, on one replica at a time (PeriodicJobs' advisory lock).
@Injectable()
export class PointsReviewSweep implements OnModuleInit {
  private readonly logger = new Logger(PointsReviewSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG) private readonly config: Pick<VehiclesConfig, 'LICENCE_POINTS_SWEEP_INTERVAL_MS'>,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'vehicles.points-review-sweep',
      everyMs: this.config.LICENCE_POINTS_SWEEP_INTERVAL_MS,
      runAtStart: true,
      run: () => this.sweep(),
    });
  }

  /** One pass for the clock's day: the number of flags cleared. */
  async sweep(): Promise<number> {
    const on = this.clock.today();
    const flagged = await selectRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM licence WHERE points_flag_id IS NOT NULL ORDER BY created_at, id`,
    );
    let cleared = 0;
    for (const { id } of flagged) {
      try {
        if (await inTransaction(this.dataSource, (em) => this.judge(em, id, on))) cleared++;
      } catch (error) {
        this.logger.error({ msg: 'points review sweep failed for a licence', licenceId: id, err: error });
      }
    }
    if (cleared > 0) this.logger.log({ msg: 'points review sweep', on, flagged: flagged.length, cleared });
    return cleared;
  }

  private async judge(em: EntityManager, id: string, on: IsoDay): Promise<boolean> {
    const licence = await em
      .createQueryBuilder(LicenceEntity, 'l')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('l.id = :id', { id })
      .getOne();
    // Re-read under the lock: cleared meanwhile (by a violation recorded, say), nothing to do.
    if (!licence?.pointsFlagId) return false;
    const before = await recordOf(em, licence);
    const points = pointsOn(before.violations, on);
    if (pointsFlagChange(true, points) !== 'clear') return false;

    const now = this.clock.now();
    const flag = clearedPointsFlag(licence, licence.pointsFlagId, points, on, now);
    await commitLicenceChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'licence.points-review-cleared',
      reason: flag.detail,
      now,
      today: on,
      before,
      set: { pointsFlagId: null },
      events: () => [flagCleared(flag, `points below 8 on ${on}`)],
    });
    return true;
  }
}
