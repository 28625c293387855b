import type { accreditation } from '@ofm/contracts';
import { orNull } from '../http/values';
import type { MemberView } from './member.dto';

export const toMemberView = (m: accreditation.Member): MemberView => ({
  id: m.id,
  pid: m.pid,
  missionId: m.missionId,
  missionCountry: orNull(m.missionCountry),
  givenName: m.givenName,
  familyName: m.familyName,
  dateOfBirth: m.dateOfBirth,
  nationality: m.nationality,
  category: m.category,
  title: orNull(m.title),
  visaClass: orNull(m.visaClass),
  passportType: orNull(m.passportType),
  arrivalDate: m.arrivalDate,
  usCitizenOrPermanentResident: m.usCitizenOrPermanentResident,
  weeklyHours: m.weeklyHours,
  transferPolicyAttested: m.transferPolicyAttested,
  principalId: orNull(m.principalId),
  relationship: orNull(m.relationship),
  status: m.status,
  immunityLevel: orNull(m.immunityLevel),
  idCard:
    m.idCard && m.idCard.number
      ? { number: m.idCard.number, color: m.idCard.color, expiresOn: m.idCard.expiresOn }
      : null,
  residesInWashingtonMetro: m.residesInWashingtonMetro,
  commercialActivity: m.commercialActivity,
  pendingSeriousCharge: m.pendingSeriousCharge,
  fullTimeStudent: m.fullTimeStudent,
  disabled: m.disabled,
  lateNotification: m.lateNotification,
  notifiedOn: orNull(m.notifiedOn),
  expectedDepartureDate: orNull(m.expectedDepartureDate),
  terminationEffectiveDate: orNull(m.terminationEffectiveDate),
  terminationReason: orNull(m.terminationReason),
  immunityEndsOn: orNull(m.immunityEndsOn),
  failedCriteria: (m.failedCriteria ?? []).map((f) => ({ criterion: f.criterion, message: f.message })),
  openItems: (m.openItems ?? []).map((i) => ({
    document: i.document,
    reference: i.reference,
    dueOn: i.dueOn,
    status: i.status,
  })),
  version: m.version,
  createdAt: m.createdAt,
  updatedAt: m.updatedAt,
});
