import { clearFlag, raiseFlag } from '@ofm/compliance';
import type { compliance } from '@ofm/contracts';

// Flags this service raises on vehicles (DOMAIN.md "Compliance and flags"); what each code implies
// (program, severity, visibility) is @ofm/compliance's FLAG_REASONS, not decided here.
export const FLAG_RAISED_BY = 'vehicles';

interface FlaggedVehicle {
  id: string;
  missionId: string;
  /** The owning member, when a person owns it: the flag then concerns them too. */
  ownerMemberId?: string | null;
}

const onVehicle = (vehicle: FlaggedVehicle) => ({
  raisedBy: FLAG_RAISED_BY,
  missionId: vehicle.missionId,
  subjectType: 'vehicle' as const,
  subjectId: vehicle.id,
  ...(vehicle.ownerMemberId ? { memberId: vehicle.ownerMemberId } : {}),
});

// The owner's appointment ended: the vehicle must be sold, exported or transferred.
export const disposalDueFlag = (vehicle: FlaggedVehicle, raisedAt: Date, detail: string): compliance.Flag =>
  raiseFlag({ ...onVehicle(vehicle), code: 'disposal-due', detail, at: raisedAt });

/** The disposal-due flag `flagId` of a vehicle, as it closes because the disposal was recorded. */
export const clearedDisposalFlag = (vehicle: FlaggedVehicle, flagId: string, clearedAt: Date): compliance.Flag =>
  clearFlag({ ...onVehicle(vehicle), id: flagId, reasonCode: 'disposal-due', detail: 'disposal recorded' }, clearedAt);

// An uninsured diplomatic vehicle on the road (shared with partners: FLAG_REASONS).
export const insuranceLapseFlag = (vehicle: FlaggedVehicle, raisedAt: Date, detail: string): compliance.Flag =>
  raiseFlag({ ...onVehicle(vehicle), code: 'insurance-lapse', detail, at: raisedAt });

/** The insurance-lapse flag `flagId` of a vehicle, as it closes because insurance was recorded again. */
export const clearedLapseFlag = (vehicle: FlaggedVehicle, flagId: string, clearedAt: Date): compliance.Flag =>
  clearFlag(
    { ...onVehicle(vehicle), id: flagId, reasonCode: 'insurance-lapse', detail: 'insurance recorded again' },
    clearedAt,
  );
