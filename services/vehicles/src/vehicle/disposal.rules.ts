import type { DisposalMethod, RegistrationStatus } from '@ofm/contracts';
import { addDays, type IsoDay } from '@ofm/kernel';
import type { RuleViolation } from './registration.rules';

// Disposal of a diplomatic vehicle (DOMAIN.md "Disposal"; docs/domain/vehicles.md): when the owner's
// appointment ends the vehicle must be sold, exported, transferred or junked by a due date; the title
// is released only against the returned plates and after any reciprocal disposition surcharge.

/** A sale, an export or junking ends the vehicle's diplomatic title; a transfer hands it on. */
export const RELEASES_TITLE: Readonly<Record<DisposalMethod, boolean>> = {
  sale: true,
  export: true,
  junk: true,
  transfer: false,
};

/** The day a terminated owner's registration must be disposed of by (the day itself is in time). */
export const disposalDueOn = (terminationEffectiveDate: IsoDay, dueDays: number): IsoDay =>
  addDays(terminationEffectiveDate, dueDays);

/** Overdue from the day after the due date. */
export const isDisposalOverdue = (dueOn: IsoDay, today: IsoDay): boolean => dueOn < today;

export const overdueDetail = (plate: string, dueOn: IsoDay): string =>
  `vehicle ${plate} was due to be sold, exported, transferred or junked by ${dueOn}`;

/** What the sending country's profile says of a disposal, in an officer's words naming its version. */
export interface SurchargeTerms {
  required: boolean;
  reason: string;
}

export const surchargeTerms = (profile: {
  country: string;
  version: number;
  vehicleDispositionSurcharge: boolean;
}): SurchargeTerms => ({
  required: profile.vehicleDispositionSurcharge,
  reason: profile.vehicleDispositionSurcharge
    ? `${profile.country} imposes a disposition surcharge on vehicles of U.S. staff, so OFM does on its vehicles (profile ${profile.country} v${profile.version})`
    : `${profile.country} imposes no disposition surcharge (profile ${profile.country} v${profile.version})`,
});

export interface DisposalRequest {
  method: DisposalMethod;
  platesReturned: boolean;
  surchargePaid: boolean;
}

/** Why the disposal may not be recorded; undefined when it may. */
export const checkDisposal = (
  vehicle: { plate: string; registrationStatus: RegistrationStatus },
  request: DisposalRequest,
  surcharge: SurchargeTerms,
): RuleViolation | undefined => {
  if (vehicle.registrationStatus === 'disposed') {
    return { rule: 'vehicle-disposed', detail: `vehicle ${vehicle.plate} is already disposed` };
  }
  if (RELEASES_TITLE[request.method] && !request.platesReturned) {
    return {
      rule: 'plates-not-returned',
      detail: `a ${request.method} releases the title, which OFM does only against the returned plates ${vehicle.plate}`,
    };
  }
  if (surcharge.required && !request.surchargePaid) {
    return { rule: 'disposition-surcharge-unpaid', detail: `${surcharge.reason}: record its payment first` };
  }
  return undefined;
};
