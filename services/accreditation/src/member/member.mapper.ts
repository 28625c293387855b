import type { accreditation } from '@ofm/contracts';
import type { MemberEntity } from './member.entity';
import type { MemberFacts, PrincipalFacts } from './member.model';
import type { OpenItemEntity } from './open-item.entity';
import type { LawEnforcementGuidance } from './immunity.rules';

export const openItemToProto = (i: OpenItemEntity): accreditation.OpenItem => ({
  document: i.document,
  reference: i.reference,
  dueOn: i.dueOn,
  status: i.status,
});

export const guidanceToProto = (g: LawEnforcementGuidance): accreditation.LawEnforcementGuidance => ({
  arrest: g.arrest,
  residenceInviolable: g.residenceInviolable,
  prosecution: g.prosecution,
  ticket: g.ticket,
});

// Entity → proto message. proto3 has no null: absent values travel as '' and the ID card is absent
// until one is issued. The open items live in their own table: callers pass the member's rows
// (none before termination).
export const memberToProto = (m: MemberEntity, openItems: readonly OpenItemEntity[] = []): accreditation.Member => ({
  id: m.id,
  pid: m.pid,
  missionId: m.missionId,
  givenName: m.givenName,
  familyName: m.familyName,
  dateOfBirth: m.dateOfBirth,
  nationality: m.nationality,
  category: m.category,
  title: m.title,
  visaClass: m.visaClass,
  passportType: m.passportType,
  arrivalDate: m.arrivalDate,
  usCitizenOrPermanentResident: m.usCitizenOrPermanentResident,
  weeklyHours: m.weeklyHours,
  transferPolicyAttested: m.transferPolicyAttested,
  principalId: m.principalId ?? '',
  relationship: m.relationship ?? '',
  status: m.status,
  immunityLevel: m.immunityLevel ?? '',
  idCard: m.idCardNumber
    ? { number: m.idCardNumber, color: m.idCardColor ?? '', expiresOn: m.idCardExpiresOn ?? '' }
    : undefined,
  version: m.version,
  residesInWashingtonMetro: m.residesInWashingtonMetro,
  commercialActivity: m.commercialActivity,
  pendingSeriousCharge: m.pendingSeriousCharge,
  lateNotification: m.lateNotification,
  notifiedOn: m.notifiedOn,
  expectedDepartureDate: m.expectedDepartureDate ?? '',
  terminationEffectiveDate: m.terminationEffectiveDate ?? '',
  terminationReason: m.terminationReason ?? '',
  immunityEndsOn: m.immunityEndsOn ?? '',
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
  missionCountry: m.missionCountry,
  fullTimeStudent: m.fullTimeStudent,
  disabled: m.disabled,
  failedCriteria: (m.failedCriteria ?? []).map((f) => ({ criterion: f.criterion, message: f.message })),
  openItems: openItems.map(openItemToProto),
});

/** What the pure rules read of a stored member. */
export const memberFacts = (m: MemberEntity): MemberFacts => ({
  category: m.category,
  nationality: m.nationality,
  usCitizenOrPermanentResident: m.usCitizenOrPermanentResident,
  passportType: m.passportType,
  title: m.title,
  visaClass: m.visaClass,
  dateOfBirth: m.dateOfBirth,
  residesInWashingtonMetro: m.residesInWashingtonMetro,
  weeklyHours: m.weeklyHours,
  commercialActivity: m.commercialActivity,
  pendingSeriousCharge: m.pendingSeriousCharge,
  transferPolicyAttested: m.transferPolicyAttested,
  relationship: m.relationship ?? '',
  fullTimeStudent: m.fullTimeStudent,
  disabled: m.disabled,
});

export const principalFacts = (m: MemberEntity): PrincipalFacts => ({
  ...memberFacts(m),
  status: m.status,
  immunityLevel: m.immunityLevel ?? '',
});
