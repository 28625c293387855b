import { Inject, Injectable, Logger, Optional, type OnModuleInit } from '@nestjs/common';
import { Clock, systemClock } from '@ofm/kernel';
import { PeriodicJobs } from '@ofm/persistence';
import {
  RecertificationOverduePass,
  type RecertificationOverdueResult,
} from '../recertification/recertification-overdue.pass';
import { LongTenurePass, type LongTenureResult } from './long-tenure.pass';

export const TENURE_SWEEP_SETTINGS = Symbol('TENURE_SWEEP_SETTINGS');
export interface TenureSweepSettings {
  /** TENURE_SWEEP_INTERVAL_MS: 0 runs it only when called. */
  everyMs: number;
}

export interface TenureSweepResult {
  longTenure: LongTenureResult;
  recertification: RecertificationOverdueResult;
}

// The clock of time in the U.S.: long-tenure flags (raised and cleared) and recertification-overdue
// flags, one pass every TENURE_SWEEP_INTERVAL_MS on one replica at a time (PeriodicJobs' advisory
// lock). Both halves are day-based, so an hourly pass picks up a new day within the hour.
@Injectable()
export class TenureSweep implements OnModuleInit {
  private readonly logger = new Logger(TenureSweep.name);
  private running: Promise<TenureSweepResult> | undefined;

  constructor(
    private readonly jobs: PeriodicJobs,
    private readonly longTenure: LongTenurePass,
    private readonly recertification: RecertificationOverduePass,
    @Inject(TENURE_SWEEP_SETTINGS) private readonly settings: TenureSweepSettings,
    @Optional() private readonly clock: Clock = systemClock,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'accreditation.tenure-sweep',
      everyMs: this.settings.everyMs,
      run: () => this.sweep(),
    });
  }

  /** One pass as of `at` (default now); a pass already running is joined, never doubled. */
  sweep(at: Date = this.clock.now()): Promise<TenureSweepResult> {
    this.running ??= this.pass(at).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(at: Date): Promise<TenureSweepResult> {
    const result = { longTenure: await this.longTenure.run(at), recertification: await this.recertification.run(at) };
    const changed =
      result.longTenure.raised +
      result.longTenure.cleared +
      result.recertification.raised +
      result.recertification.cleared;
    if (changed > 0) this.logger.log({ msg: 'tenure sweep', at: at.toISOString(), ...result });
    return result;
  }
}
