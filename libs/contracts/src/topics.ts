// Kafka topics of CONTRACT.md. Internal topics are named ofm.<service>.<aggregate>.v1.
export const TOPICS = {
  mission: 'ofm.accreditation.mission.v1',
  member: 'ofm.accreditation.member.v1',
  travel: 'ofm.accreditation.travel.v1',
  reciprocityProfile: 'ofm.reciprocity.profile.v1',
  reciprocityAgreement: 'ofm.reciprocity.agreement.v1',
  vehicle: 'ofm.vehicles.vehicle.v1',
  insurance: 'ofm.vehicles.insurance.v1',
  licence: 'ofm.vehicles.licence.v1',
  propertyRequest: 'ofm.property.request.v1',
  shipment: 'ofm.customs.shipment.v1',
  bankingCase: 'ofm.banking.case.v1',
  incident: 'ofm.emergency.incident.v1',
  complianceFlag: 'ofm.compliance.flag.v1',
  partnerLawEnforcement: 'ofm.partner.law-enforcement.v1',
  partnerDmv: 'ofm.partner.dmv.v1',
  partnerCustoms: 'ofm.partner.customs.v1',
  partnerEmergency: 'ofm.partner.emergency.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

// Every topic the platform provisions: each internal and partner topic and its dead-letter twin.
export const ALL_TOPICS: readonly string[] = Object.values(TOPICS).flatMap((t) => [t, deadLetterTopic(t)]);
