import { flagRaised } from '@ofm/compliance';
import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { EVENT_TYPES } from '@ofm/contracts';
import { Clock } from '@ofm/kernel';
import { commitChange } from '@ofm/messaging';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DataSource, type EntityManager } from 'typeorm';
import { insuranceLapseFlag } from '../compliance/flag.factory';
import type { VehiclesConfig } from '../config';
import { selectRows } from '../shared/sql';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { nextRegistrationStatus } from '../vehicle/registration.rules';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from '../vehicle/vehicle.mapper';
import { updateVehicle } from '../vehicle/vehicle.repository';
import { lapsedOn, suspendingLapse } from './coverage.rules';
import { InsurancePolicyEntity } from './insurance-policy.entity';

export interface SweepResult {
  lapsed: number;
  suspended: number;
}

// Finds active registrations whose insurance no longer covers today. On the first day of a lapse the
// vehicle is marked lapsed and flagged (partners see it); once the grace period has run out the
// registration is suspended. Each vehicle is its own transaction, so one failure stops nothing else.
// It runs every INSURANCE_SWEEP_INTERVAL_MS (0: only when called) on one replica at a time (PeriodicJobs'
// advisory lock); rows locked by a command meanwhile are skipped rather than waited for.
@Injectable()
export class InsuranceLapseSweep implements OnModuleInit {
  private readonly logger = new Logger(InsuranceLapseSweep.name);
  private running: Promise<SweepResult> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG) private readonly config: VehiclesConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.register({
      name: 'vehicles.insurance-lapse-sweep',
      everyMs: this.config.INSURANCE_SWEEP_INTERVAL_MS,
      run: () => this.sweep(),
    });
  }

  /** One pass for `on` (default today); a pass already running is joined, never doubled. */
  sweep(on: string = this.clock.today()): Promise<SweepResult> {
    this.running ??= this.pass(on).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(on: string): Promise<SweepResult> {
    const candidates = await selectRows<{ id: string }>(
      this.dataSource.manager,
      `SELECT v.id FROM vehicle v
        WHERE v.registration_status = 'active' AND v.kind <> 'trailer'
          AND NOT EXISTS (SELECT 1 FROM insurance_policy p
                           WHERE p.vehicle_id = v.id AND p.effective_date <= $1 AND p.expiration_date > $1)
        ORDER BY v.seq`,
      [on],
    );
    const result: SweepResult = { lapsed: 0, suspended: 0 };
    for (const { id } of candidates) {
      try {
        const outcome = await inTransaction(this.dataSource, (em) => this.sweepVehicle(em, id, on));
        if (outcome.lapsed) result.lapsed++;
        if (outcome.suspended) result.suspended++;
      } catch (error) {
        this.logger.error({ msg: 'insurance lapse sweep failed for a vehicle', vehicleId: id, err: error });
      }
    }
    if (result.lapsed + result.suspended > 0) this.logger.log({ msg: 'insurance lapse sweep', on, ...result });
    return result;
  }

  private async sweepVehicle(
    em: EntityManager,
    id: string,
    on: string,
  ): Promise<{ lapsed: boolean; suspended: boolean }> {
    const vehicle = await em
      .createQueryBuilder(VehicleEntity, 'v')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('v.id = :id', { id })
      .getOne();
    if (!vehicle || vehicle.registrationStatus !== 'active') return { lapsed: false, suspended: false };
    const policies = await em.find(InsurancePolicyEntity, { where: { vehicleId: id } });
    const lapse = lapsedOn(policies, on);
    if (!lapse) return { lapsed: false, suspended: false };
    const newlyLapsed = vehicle.insuranceStatus !== 'lapsed';
    const suspends = suspendingLapse(policies, on, this.config.INSURANCE_LAPSE_GRACE_DAYS) !== undefined;
    if (!newlyLapsed && !suspends) return { lapsed: false, suspended: false };

    const now = this.clock.now();
    const flag = newlyLapsed ? insuranceLapseFlag(vehicle, now, `liability insurance lapsed on ${lapse}`) : undefined;
    const updated = await updateVehicle(em, vehicle, {
      insuranceStatus: 'lapsed',
      registrationStatus: suspends
        ? nextRegistrationStatus(vehicle.registrationStatus, 'insurance-lapsed')!
        : vehicle.registrationStatus,
      lapseFlagId: flag?.id ?? vehicle.lapseFlagId,
    });
    const message = toVehicleMessage(updated);
    await commitChange(em, {
      actor: SYSTEM_ACTOR,
      action: suspends ? 'registration.suspended' : 'insurance.lapsed',
      entity: { type: 'vehicle', id },
      before: vehicleAuditState(vehicle),
      after: vehicleAuditState(updated),
      reason: `insurance lapsed on ${lapse}`,
      events: [
        ...(newlyLapsed
          ? [
              { type: EVENT_TYPES.insuranceLapsed, subject: id, data: { vehicle: message, lapsedOn: lapse } },
              flagRaised(flag!),
            ]
          : []),
        ...(suspends
          ? [
              {
                type: EVENT_TYPES.registrationSuspended,
                subject: id,
                data: { vehicle: message, reason: `insurance-lapse: no liability insurance since ${lapse}` },
              },
            ]
          : []),
      ],
    });
    return { lapsed: newlyLapsed, suspended: suspends };
  }
}
