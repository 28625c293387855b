import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Clock } from '@ofm/kernel';
import { inTransaction, PeriodicJobs } from '@ofm/persistence';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { VehiclesConfig } from '../config';
import { selectRows } from '../shared/sql';
import { SYSTEM_ACTOR } from '../shared/system-actor';
import { VEHICLES_CONFIG } from '../shared/tokens';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { judgeCoverage, type Judgement } from './coverage-judgement';
import { InsurancePolicyEntity } from './insurance-policy.entity';

export interface SweepResult {
  lapsed: number;
  suspended: number;
  /** Registrations a policy covers again (a renewal recorded in advance that began, say). */
  reinstated: number;
}

// A registration whose stored state disagrees with what its policies say on $1: covered but not
// (yet) active and insured, or not covered but still insured, or lapsed and active (its grace period
// may have run out). This finds every boundary, a policy's start as well as its end or cancellation,
// for registrations in any status; the index on (vehicle_id, effective_date, coverage end) answers
// each probe. Registrations whose state already agrees are not touched, so a second pass is a read.
const CANDIDATES = `
  SELECT v.id FROM vehicle v
   WHERE v.kind <> 'trailer' AND v.registration_status <> 'disposed'
     AND CASE WHEN EXISTS (SELECT 1 FROM insurance_policy p
                            WHERE p.vehicle_id = v.id AND p.effective_date <= $1
                              AND LEAST(p.expiration_date, COALESCE(p.cancelled_on, p.expiration_date)) > $1)
              THEN v.insurance_status <> 'insured' OR v.lapse_flag_id IS NOT NULL
                   OR v.registration_status IN ('pending-insurance', 'suspended')
              ELSE v.insurance_status = 'insured' OR (v.insurance_status = 'lapsed' AND v.registration_status = 'active')
         END
   ORDER BY v.seq`;

// Registrations judged per transaction: one commit (and fsync) per batch rather than per vehicle.
const BATCH_SIZE = 500;

// Judges coverage at every boundary (coverage-judgement.ts): a lapse suspends, flags and publishes
// once; a policy that begins reactivates and clears the flag. It runs every
// INSURANCE_SWEEP_INTERVAL_MS (at most a minute, 0: only when called) on one replica at a time
// (PeriodicJobs' advisory lock); even without that lock two passes cannot both act on a registration:
// each locks its rows (SKIP LOCKED: a row another pass or a command holds waits for the next pass)
// and re-judges them after the lock, when the other pass's change is already visible.
@Injectable()
export class InsuranceLapseSweep implements OnModuleInit {
  private readonly logger = new Logger(InsuranceLapseSweep.name);
  private running: Promise<SweepResult> | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly jobs: PeriodicJobs,
    @Inject(VEHICLES_CONFIG)
    private readonly config: Pick<VehiclesConfig, 'INSURANCE_SWEEP_INTERVAL_MS' | 'INSURANCE_LAPSE_GRACE_DAYS'>,
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
    const ids = (await selectRows<{ id: string }>(this.dataSource.manager, CANDIDATES, [on])).map((r) => r.id);
    const result: SweepResult = { lapsed: 0, suspended: 0, reinstated: 0 };
    for (let i = 0; i < ids.length; i += BATCH_SIZE) {
      for (const judged of await this.sweepBatch(ids.slice(i, i + BATCH_SIZE), on)) {
        if (judged.lapsed) result.lapsed++;
        if (judged.suspended) result.suspended++;
        if (judged.reinstated) result.reinstated++;
      }
    }
    if (result.lapsed + result.suspended + result.reinstated > 0) {
      this.logger.log({ msg: 'insurance lapse sweep', on, candidates: ids.length, ...result });
    }
    return result;
  }

  // A batch in one transaction; when it fails, its vehicles one by one, so one failure stops nothing else.
  private async sweepBatch(ids: string[], on: string): Promise<Judgement[]> {
    try {
      return await inTransaction(this.dataSource, (em) => this.judge(em, ids, on));
    } catch (error) {
      if (ids.length === 1) {
        this.logger.error({ msg: 'insurance lapse sweep failed for a vehicle', vehicleId: ids[0], err: error });
        return [];
      }
      const judged: Judgement[] = [];
      for (const id of ids) judged.push(...(await this.sweepBatch([id], on)));
      return judged;
    }
  }

  private async judge(em: EntityManager, ids: string[], on: string): Promise<Judgement[]> {
    const vehicles = await em
      .createQueryBuilder(VehicleEntity, 'v')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('v.id IN (:...ids)', { ids })
      .orderBy('v.seq')
      .getMany();
    if (vehicles.length === 0) return [];
    const policies = await em.find(InsurancePolicyEntity, { where: { vehicleId: In(vehicles.map((v) => v.id)) } });
    const byVehicle = new Map<string, InsurancePolicyEntity[]>();
    for (const p of policies) byVehicle.set(p.vehicleId, [...(byVehicle.get(p.vehicleId) ?? []), p]);
    const ctx = {
      actor: SYSTEM_ACTOR,
      on,
      now: this.clock.now(),
      graceDays: this.config.INSURANCE_LAPSE_GRACE_DAYS,
    };
    const judged: Judgement[] = [];
    for (const vehicle of vehicles) judged.push(await judgeCoverage(em, ctx, vehicle, byVehicle.get(vehicle.id) ?? []));
    return judged;
  }
}
