import { publishersOf, SERVICES, writtenServices } from '@ofm/registry';
import { TOPICS } from '../topics';

// What the event registry (EVENT_TYPES: type → message → topic) does not say by itself: who a partner
// topic is for and what it carries (PARTNER_TOPICS, here), and which services publish on a shared
// topic and consume which topics — both read from the service registry (libs/registry).

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
      'immunity status changes of ID card holders (accredited, level changed, terminated, immunity ended, card reported ' +
      'lost or stolen), each with what GET /api/v1/verify?idCard= answers at that moment (name, mission, country, ' +
      'category, P&I level, guidance) and never a date of birth or an address (accreditation); and plate status changes ' +
      '(suspended, reported stolen, disposed) with the plate, the VIN, the status and the owning mission’s name, never ' +
      'the owner or an immunity — the driver’s is verified by the ID card (vehicles)',
    identifies: 'a person by the ID card number, a vehicle by its plate and VIN',
    curatedFrom: [TOPICS.member, TOPICS.vehicle, TOPICS.insurance],
  },
  [TOPICS.partnerDmv]: {
    title: 'State DMVs',
    audience: 'state departments of motor vehicles',
    carries:
      'registration and insurance status changes of diplomatic vehicles (registration activated, suspended, ' +
      'disposal-due, disposed; insurance lapsed, recorded), each with only the plate, VIN, make, model, year, the ' +
      'registration and insurance status and their dates — nothing of the owner',
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
// (gov.ofm.<service>.…). A topic listed here is shared: its domain (ofm.<domain>.…) is no service, its
// types name that domain, and the services the registry says publish on it do (vehicles raises
// compliance flags on ofm.compliance.flag.v1).
const isServiceName = (name: string): boolean => SERVICES.some((s) => s.name === name);
export const SHARED_TOPIC_PUBLISHERS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  [...new Set(writtenServices().flatMap((s) => s.publishes))]
    .filter((topic) => !isServiceName(topic.split('.')[1] ?? ''))
    .map((topic) => [topic, publishersOf(topic).map((s) => s.name)]),
);

export interface KnownConsumer {
  /** The service; its consumer group is ofm.<service>. */
  service: string;
  topics: readonly string[];
}

// Every written service of the registry that consumes, with the topics its group reads.
export const KNOWN_CONSUMERS: readonly KnownConsumer[] = writtenServices()
  .filter((s) => s.consumes.length > 0)
  .map((s) => ({ service: s.name, topics: s.consumes }));
