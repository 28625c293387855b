import { flagRaised } from '@ofm/compliance';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@ofm/kernel';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { disposalDueFlag } from '../compliance/flag.factory';
import type { VehiclesConfig } from '../config';
import { selectRows } from '../shared/sql';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { disposalDueOn, isDisposalOverdue, overdueDetail } from '../vehicle/disposal.rules';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// Raises the disposal-due flag (with the due date) on each disposal-due registration past its due date
// that has none yet: exactly once, since the flag's id is kept on the vehicle, however often the sweep
// runs; one without a due date is dated, never skipped. Each vehicle is its own transaction, rows a
// command holds are skipped until the next run. It runs every DISPOSAL_SWEEP_INTERVAL_MS (0: only when
// called) on one replica at a time.
@Injectable()
export class DisposalOverdueSweep implements OnModuleInit {
  private readonly logger = new Logger(DisposalOverdueSweep.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'vehicles.disposal-overdue-sweep',
      everyMs: this.config.DISPOSAL_SWEEP_INTERVAL_MS,
      runAtStart: true,
      run: () => this.sweep(),
    });
  }

  /** One pass for `on` (default today): the number of flags raised. */
  async sweep(on: string = this.clock.today()): Promise<number> {
    const candidates = await selectRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT id FROM vehicle
        WHERE registration_status = 'disposal-due' AND disposal_flag_id IS NULL
          AND (disposal_due_on < $1 OR disposal_due_on IS NULL)
        ORDER BY seq`,
      [on],
    );
    let raised = 0;
    for (const { id } of candidates) {
      try {
        if (await inTransaction(this.dataSource, (em) => this.judge(em, id, on))) raised++;
      } catch (error) {
        this.logger.error({ msg: 'disposal overdue sweep failed for a vehicle', vehicleId: id, err: error });
      }
    }
    if (raised > 0) this.logger.log({ msg: 'disposal overdue sweep', on, raised });
    return raised;
  }

  private async judge(em: EntityManager, id: string, on: string): Promise<boolean> {
    const vehicle = await em
      .createQueryBuilder(VehicleEntity, 'v')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('v.id = :id', { id })
      .getOne();
    // Re-read under the lock: disposed or flagged meanwhile, nothing to do.
    if (!vehicle || vehicle.registrationStatus !== 'disposal-due' || vehicle.disposalFlagId) return false;
    if (!vehicle.disposalDueOn) {
      await this.date(em, vehicle, on);
      return false;
    }
    return isDisposalOverdue(vehicle.disposalDueOn, on) ? this.flag(em, vehicle, vehicle.disposalDueOn) : false;
  }

  // A disposal-due registration without a due date (the backfill migration dated those it found, so
  // this is a row written since by hand or by a bug) is never passed over: it is dated from the day
  // the sweep found it, audited and logged, so an officer can correct the date if it is known.
  private async date(em: EntityManager, vehicle: VehicleEntity, on: string): Promise<void> {
    const dueOn = disposalDueOn(on, this.config.DISPOSAL_DUE_DAYS);
    const updated = await updateVehicle(em, vehicle, { disposalDueOn: dueOn });
    const detail = `vehicle ${vehicle.plate} was disposal-due without a due date; due ${dueOn}, ${this.config.DISPOSAL_DUE_DAYS} days from ${on}`;
    this.logger.warn({ msg: 'disposal-due registration without a due date', vehicleId: vehicle.id, dueOn });
    await commitVehicleChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'registration.disposal-due-dated',
      entity: { type: 'vehicle', id: vehicle.id },
      before: vehicleAuditState(vehicle),
      after: vehicleAuditState(updated),
      reason: detail,
      events: [],
    });
  }

  private async flag(em: EntityManager, vehicle: VehicleEntity, dueOn: string): Promise<boolean> {
    const detail = overdueDetail(vehicle.plate, dueOn);
    const flag = disposalDueFlag(vehicle, this.clock.now(), detail);
    const updated = await updateVehicle(em, vehicle, { disposalFlagId: flag.id });
    await commitVehicleChange(em, {
      actor: SYSTEM_ACTOR,
      action: 'registration.disposal-overdue',
      entity: { type: 'vehicle', id: vehicle.id },
      before: vehicleAuditState(vehicle),
      after: vehicleAuditState(updated),
      reason: detail,
      events: [flagRaised(flag)],
    });
    return true;
  }
}
