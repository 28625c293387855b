import type { licences, verification } from '@ofm/contracts';
import type { IsoDay } from '@ofm/kernel';
import type { LicenceEntity, LicenceSuspensionEntity, LicenceViolationEntity } from './licence.entity';
import { licenceStatusOn, pointsOn, standingOf, suspensionOn, type LicenceStatus } from './points.rules';

/** A licence with what its status is read from. */
export interface LicenceRecord {
  licence: LicenceEntity;
  violations: readonly LicenceViolationEntity[];
  suspensions: readonly LicenceSuspensionEntity[];
}

export const toSuspensionMessage = (s: LicenceSuspensionEntity): licences.Suspension => ({
  reason: s.reason,
  startsOn: s.startsOn,
  endsOn: s.endsOn,
});

export const toViolationMessage = (v: LicenceViolationEntity): licences.Violation => ({
  id: v.id,
  date: v.date,
  code: v.code,
  points: v.points,
  dui: v.dui,
  testRefused: v.testRefused,
  recordedAt: v.recordedAt.toISOString(),
});

/** Entity → ofm.vehicles.v1.Licence, its status and points as they stand on `today`. */
export const toLicenceMessage = (
  { licence, violations, suspensions }: LicenceRecord,
  today: IsoDay,
): licences.Licence => {
  const points = pointsOn(violations, today);
  const suspension = suspensionOn(suspensions, today);
  return {
    id: licence.id,
    number: licence.number,
    memberId: licence.memberId,
    missionId: licence.missionId,
    licenceClass: licence.licenceClass,
    restrictions: [...licence.restrictions],
    expiresOn: licence.expiresOn,
    status: licenceStatusOn(licence, suspensions, today),
    points,
    pointsStanding: standingOf(points),
    suspension: suspension ? toSuspensionMessage(suspension) : undefined,
    endedOn: licence.endedOn,
    violations: violations.map(toViolationMessage),
    version: licence.version,
    createdAt: licence.createdAt.toISOString(),
  };
};

/** The audited state: what an officer would compare before and after. */
export const licenceAuditState = (r: LicenceRecord, today: IsoDay): Record<string, unknown> => {
  const { violations: _v, ...rest } = toLicenceMessage(r, today);
  return { ...rest, violationCount: r.violations.length };
};

// The status word of a licence verification (VerificationStatus): an ended licence answers
// `terminated`, as a card of a terminated member does.
const VERIFICATION_STATUS: Readonly<Record<LicenceStatus, string>> = {
  valid: 'valid',
  suspended: 'suspended',
  expired: 'expired',
  ended: 'terminated',
};

const NOTE: Readonly<Record<LicenceStatus, string>> = {
  valid: "The licence is valid; verify the driver's ID card for the driver's immunity.",
  suspended:
    "The licence is suspended: the holder may not drive. Verify the driver's ID card for the driver's immunity.",
  expired: 'The licence has expired.',
  ended: "The holder's appointment ended: the licence is no longer valid.",
};

/** The holder as an officer is told of them: name and mission, never a date of birth or an address. */
export interface VerifiedHolder {
  name?: string;
  mission?: string;
  country?: string;
}

/**
 * GET /verify?licence=: the licence's status and points standing, the holder's name and mission.
 * The Verification message has no field for a date of birth or an address, and none is read.
 */
export const licenceVerification = (
  record: LicenceRecord,
  holder: VerifiedHolder,
  today: IsoDay,
  checkedAt: Date,
): verification.Verification => {
  const { licence, violations, suspensions } = record;
  const status = licenceStatusOn(licence, suspensions, today);
  const points = pointsOn(violations, today);
  const suspension = status === 'suspended' ? suspensionOn(suspensions, today) : undefined;
  return {
    status: VERIFICATION_STATUS[status],
    name: holder.name,
    mission: holder.mission,
    country: holder.country,
    licence: {
      number: licence.number,
      licenceClass: licence.licenceClass,
      restrictions: [...licence.restrictions],
      expiresOn: licence.expiresOn,
      points,
      pointsStanding: standingOf(points),
      suspendedUntil: suspension?.endsOn,
    },
    note: NOTE[status],
    checkedAt: checkedAt.toISOString(),
  };
};

/** A number OFM never issued: 200 with status unknown, and nothing else. */
export const unknownLicenceVerification = (checkedAt: Date): verification.Verification => ({
  status: 'unknown',
  checkedAt: checkedAt.toISOString(),
});
