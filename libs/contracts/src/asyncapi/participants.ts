import { TOPICS } from '../topics';

// What the event registry (EVENT_TYPES: type → message → topic) does not say by itself: who a partner
// topic is for and what it carries, the services that publish on a topic whose event types name
// another domain, and the known consumers. Small explicit tables until a service registry exists.

export interface PartnerTopic {
  /** The partner, as a channel title. */
  title: string;
  /** Who reads the topic. */
  audience: string;
  /** What it carries, in the words of CONTRACT.md. */
  carries: string;
  /** How an event names what it is about. */
  identifies: string;
  /** The internal topics it is curated from. */
  curatedFrom: readonly string[];
}

// CONTRACT.md "Events": partner topics are curated, minimal fields, one per partner. Every topic
// named ofm.partner.* must have an entry (buildAsyncApiDocument refuses a partner topic without one).
export const PARTNER_TOPICS: Readonly<Record<string, PartnerTopic>> = {
  [TOPICS.partnerLawEnforcement]: {
    title: 'Law enforcement',
    audience:
      'law-enforcement agencies (police, sheriffs, State Department Diplomatic Security) that meet members and their vehicles, ' +
      'the same readers as GET /api/v1/verify',
    carries:
      'immunity and vehicle status changes: a member accredited (with the P&I level) or terminated, ' +
      'a registration suspended or disposal due, an insurance lapsed',
    identifies: 'a person by the ID card number, a vehicle by its plate and VIN',
    curatedFrom: [TOPICS.member, TOPICS.vehicle, TOPICS.insurance],
  },
  [TOPICS.partnerDmv]: {
    title: 'State DMVs',
    audience: 'state departments of motor vehicles',
    carries:
      "registration and insurance status of diplomatic vehicles (a registration's status changes, an insurance lapses)",
    identifies: 'a vehicle by its plate and VIN',
    curatedFrom: [TOPICS.vehicle, TOPICS.insurance],
  },
  [TOPICS.partnerCustoms]: {
    title: 'Customs (CBP)',
    audience: 'U.S. Customs and Border Protection',
    carries: "clearance decisions on missions' and members' shipments",
    identifies: 'the shipment and its mission; a person by the ID card number',
    curatedFrom: [TOPICS.shipment],
  },
  [TOPICS.partnerEmergency]: {
    title: 'Emergency management',
    audience: 'emergency-management and first-responder partners',
    carries: 'incidents affecting missions and the accountability of their members',
    identifies: 'the mission; a person by the ID card number',
    curatedFrom: [TOPICS.incident],
  },
};

export const isPartnerTopic = (topic: string): boolean => topic.startsWith('ofm.partner.');

// By default the service that publishes an event type is the one its name gives
// (gov.ofm.<service>.…). A topic listed here is shared: its types name a domain, not a service, and
// these services publish on it (vehicles: startMessaging({ topics: { publishes: [complianceFlag] } })).
export const SHARED_TOPIC_PUBLISHERS: Readonly<Record<string, readonly string[]>> = {
  [TOPICS.complianceFlag]: ['vehicles'],
};

export interface KnownConsumer {
  /** The service; its consumer group is ofm.<service>. */
  service: string;
  topics: readonly string[];
}

// services/vehicles/src/replica/accreditation-replica.handlers.ts: the accreditation replica.
export const KNOWN_CONSUMERS: readonly KnownConsumer[] = [
  { service: 'vehicles', topics: [TOPICS.member, TOPICS.mission] },
];
