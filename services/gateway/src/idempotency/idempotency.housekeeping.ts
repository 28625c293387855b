import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { PeriodicJobs } from '@ofm/persistence';
import { IdempotencyStore } from './idempotency.store';

const PURGE_EVERY_MS = 60 * 60 * 1000;

// Forgets keys past their replay window, hourly, on one gateway replica at a time.
@Injectable()
export class IdempotencyHousekeeping implements OnModuleInit {
  private readonly logger = new Logger(IdempotencyHousekeeping.name);

  constructor(
    private readonly store: IdempotencyStore,
    private readonly jobs: PeriodicJobs,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'gateway.idempotency-key-purge',
      everyMs: PURGE_EVERY_MS,
      run: async () => {
        const purged = await this.store.purgeExpired();
        if (purged > 0) this.logger.log(`forgot ${purged} expired idempotency keys`);
      },
    });
  }
}
