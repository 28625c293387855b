import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { IdempotencyStore } from './idempotency.store';

const PURGE_EVERY_MS = 60 * 60 * 1000;

// Forgets keys past their replay window, hourly. Every replica may do it: the DELETE is idempotent.
@Injectable()
export class IdempotencyHousekeeping implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyHousekeeping.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly store: IdempotencyStore) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async purge(): Promise<void> {
    try {
      const purged = await this.store.purgeExpired();
      if (purged > 0) this.logger.log(`forgot ${purged} expired idempotency keys`);
    } catch (error) {
      this.logger.warn(`idempotency key purge failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
