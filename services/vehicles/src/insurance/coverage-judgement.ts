import { flagCleared, flagRaised } from '@ofm/compliance';
import { EVENT_TYPES } from '@ofm/contracts';
import { type PublishEventInput } from '@ofm/messaging';
import { conflict, type Actor } from '@ofm/platform';
import type { EntityManager } from 'typeorm';
import { clearedLapseFlag, insuranceLapseFlag } from '../compliance/flag.factory';
import { updateReturning } from '../shared/sql';
import { nextRegistrationStatus } from '../vehicle/registration.rules';
import { VehicleEntity } from '../vehicle/vehicle.entity';
import { toVehicleMessage, vehicleAuditState } from '../vehicle/vehicle.mapper';
import type { PolicyPeriod } from './coverage.rules';
import { coverageVerdict, type CoverageVerdict } from './coverage-verdict';
import { commitVehicleChange } from '../partner/commit-with-partner-notices';

// One judgement of a registration against its policies at a boundary (a policy's start, end or
// cancellation): the one place where coverage moves a registration, used by the lapse sweep and by a
// cancellation. Exactly once comes from the state itself: the caller holds the vehicle's row lock
// (or the update is conditional on its version), and a judgement whose state is already what the
// policies say changes nothing and publishes nothing, however often or wherever it runs.

export interface Judgement {
  lapsed: boolean;
  suspended: boolean;
  reinstated: boolean;
}

export const UNCHANGED: Judgement = { lapsed: false, suspended: false, reinstated: false };

export interface JudgementContext {
  actor: Actor;
  on: string;
  now: Date;
  graceDays: number;
}

type Change = Pick<VehicleEntity, 'registrationStatus' | 'insuranceStatus' | 'lapseFlagId'>;

export const judgeCoverage = async (
  em: EntityManager,
  ctx: JudgementContext,
  vehicle: VehicleEntity,
  policies: readonly PolicyPeriod[],
): Promise<Judgement> => {
  const verdict = coverageVerdict(vehicle, policies, ctx.on, ctx.graceDays);
  switch (verdict.action) {
    case 'none':
      return UNCHANGED;
    case 'reinstate':
      return reinstate(em, ctx, vehicle);
    case 'lapse':
      return lapse(em, ctx, vehicle, verdict);
  }
};

// Covered now: pending-insurance or suspended → active, insured, the lapse flag cleared. A
// disposal-due registration stays disposal-due but is insured again.
const reinstate = async (em: EntityManager, ctx: JudgementContext, v: VehicleEntity): Promise<Judgement> => {
  const status = nextRegistrationStatus(v.registrationStatus, 'insurance-recorded') ?? v.registrationStatus;
  const updated = await changeVehicle(em, v, {
    registrationStatus: status,
    insuranceStatus: 'insured',
    lapseFlagId: null,
  });
  const message = toVehicleMessage(updated);
  const activated = status === 'active' && v.registrationStatus !== 'active';
  const events: PublishEventInput<any>[] = [
    ...(activated ? [{ type: EVENT_TYPES.registrationActivated, subject: v.id, data: { vehicle: message } }] : []),
    ...(v.lapseFlagId ? [flagCleared(clearedLapseFlag(v, v.lapseFlagId, ctx.now), `insurance covers ${ctx.on}`)] : []),
  ];
  await commitVehicleChange(em, {
    actor: ctx.actor,
    action: activated ? 'registration.activated' : 'vehicle.insured',
    entity: { type: 'vehicle', id: v.id },
    before: vehicleAuditState(v),
    after: vehicleAuditState(updated),
    reason: `a policy covers ${ctx.on}`,
    events,
  });
  return { ...UNCHANGED, reinstated: true };
};

// The cover ended: the first judgement marks it lapsed, raises the flag and publishes
// insurance.lapsed; the one after the grace period (the same one with grace 0) suspends an active
// registration and publishes registration.suspended.
const lapse = async (
  em: EntityManager,
  ctx: JudgementContext,
  v: VehicleEntity,
  verdict: Extract<CoverageVerdict, { action: 'lapse' }>,
): Promise<Judgement> => {
  const { lapsedOn, newlyLapsed, suspends } = verdict;
  const flag = newlyLapsed ? insuranceLapseFlag(v, ctx.now, `liability insurance lapsed on ${lapsedOn}`) : undefined;
  const updated = await changeVehicle(em, v, {
    insuranceStatus: 'lapsed',
    registrationStatus: suspends
      ? nextRegistrationStatus(v.registrationStatus, 'insurance-lapsed')!
      : v.registrationStatus,
    lapseFlagId: flag?.id ?? v.lapseFlagId,
  });
  const message = toVehicleMessage(updated);
  await commitVehicleChange(em, {
    actor: ctx.actor,
    action: suspends ? 'registration.suspended' : 'insurance.lapsed',
    entity: { type: 'vehicle', id: v.id },
    before: vehicleAuditState(v),
    after: vehicleAuditState(updated),
    reason: `insurance lapsed on ${lapsedOn}`,
    events: [
      ...(flag
        ? [{ type: EVENT_TYPES.insuranceLapsed, subject: v.id, data: { vehicle: message, lapsedOn } }, flagRaised(flag)]
        : []),
      ...(suspends
        ? [
            {
              type: EVENT_TYPES.registrationSuspended,
              subject: v.id,
              data: { vehicle: message, reason: `insurance-lapse: no liability insurance since ${lapsedOn}` },
            },
          ]
        : []),
    ],
  });
  return { lapsed: newlyLapsed, suspended: suspends, reinstated: false };
};

// One statement: the update is conditional on the version read (a concurrent writer makes it a 409
// and rolls the judgement back) and answers what PostgreSQL set, so the vehicle is not read again.
const changeVehicle = async (em: EntityManager, current: VehicleEntity, change: Change): Promise<VehicleEntity> => {
  const [row] = await updateReturning<{ version: number; updated_at: Date }>(
    em,
    `UPDATE vehicle SET registration_status = $3, insurance_status = $4, lapse_flag_id = $5,
                        version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2
      RETURNING version, updated_at`,
    [current.id, current.version, change.registrationStatus, change.insuranceStatus, change.lapseFlagId],
  );
  if (!row) {
    throw conflict(
      `vehicle ${current.id} was changed by someone else (version ${current.version} is stale); reload and retry`,
    );
  }
  return Object.assign(new VehicleEntity(), current, change, { version: row.version, updatedAt: row.updated_at });
};
