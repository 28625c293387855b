import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PeriodicJobs } from '@ofm/persistence';
import { DataSource } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { updateReturning } from '../shared/sql';
import { VEHICLES_CONFIG } from '../shared/tokens';

export const ABANDONED_UPLOAD_SWEEP_JOB = 'vehicles.insurance-feed-abandoned-uploads';
// Often enough that an abandoned upload goes within the hour after its TTL; cheap (one indexed DELETE).
const SWEEP_EVERY_MS = 60 * 60 * 1000;

// An upload begun and appended to but never committed (the client died, or gave up) is never
// answered and never applied: after INSURANCE_FEED_UPLOAD_TTL_HOURS its feed row goes, and its chunks
// with it (ON DELETE CASCADE). A committed feed is never touched: its chunks are the evidence of what
// the insurer sent. Exclusive (PeriodicJobs' default): one replica sweeps.
@Injectable()
export class AbandonedUploadSweep implements OnModuleInit {
  private readonly logger = new Logger(AbandonedUploadSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: ABANDONED_UPLOAD_SWEEP_JOB,
      everyMs: SWEEP_EVERY_MS,
      runAtStart: true,
      run: () => this.sweep(),
    });
  }

  /** Deletes the uploads still receiving that began more than the TTL ago; answers how many. */
  async sweep(): Promise<number> {
    const gone = await updateReturning<{ id: string }>(
      this.dataSource.manager,
      `DELETE FROM insurance_feed WHERE status = 'receiving' AND created_at < now() - make_interval(hours => $1)
       RETURNING id`,
      [this.config.INSURANCE_FEED_UPLOAD_TTL_HOURS],
    );
    const deleted = gone.length;
    if (deleted > 0) this.logger.log({ msg: 'abandoned insurance feed uploads deleted', deleted });
    return deleted;
  }
}
