import type { ServiceEntry } from './service-entry';

// Every service of the platform, once (DESIGN.md "Names and ports"). The local scripts, the test
// platform, the gateway's clients, the CLI, the compose file and the AsyncAPI document all read this
// table; a new service is its folder under services/ plus its entry here (drop `planned` when it is
// written). Order matters only for reading: migrations, databases and compose follow it, and
// services start after the ones they call.
//
// Topic names are written out rather than imported from @ofm/contracts: contracts derives its
// AsyncAPI publishers and consumers from this table, so this lib sits below it (a spec in contracts
// checks that every topic here is one of its TOPICS).
export const SERVICES: readonly ServiceEntry[] = [
  {
    name: 'gateway',
    summary: 'the REST API: authentication, roles, validation, idempotency; calls the services over gRPC',
    grpcPort: null,
    httpPort: 8080,
    database: 'ofm_gateway', // idempotency keys, audit of reads
    publicApi: true,
    publishes: [],
    consumes: [],
    grpcServices: [],
    protoFiles: [],
    calls: [
      'ofm.accreditation.v1.MissionService',
      'ofm.accreditation.v1.MemberService',
      'ofm.accreditation.v1.TravelService',
      'ofm.accreditation.v1.TenureService',
      'ofm.accreditation.v1.ChecklistService',
      'ofm.reciprocity.v1.ReciprocityService',
      'ofm.vehicles.v1.VehicleService',
      'ofm.vehicles.v1.LicenceService',
      'ofm.vehicles.v1.InsuranceFeedService',
      'ofm.insights.v1.FlagService',
    ],
  },
  {
    name: 'accreditation',
    summary: 'missions, members, accreditation, termination',
    grpcPort: 50051,
    httpPort: 9101,
    database: 'ofm_accreditation',
    // Compliance flags it raises (late notification) travel on the shared compliance topic; immunity
    // changes curated for law enforcement on their partner topic.
    publishes: [
      'ofm.accreditation.mission.v1',
      'ofm.accreditation.member.v1',
      'ofm.accreditation.travel.v1',
      'ofm.compliance.flag.v1',
      'ofm.partner.law-enforcement.v1',
    ],
    // The replica of reciprocity's country profiles (services/accreditation/src/reciprocity); the
    // plates of the termination checklist from vehicles (services/accreditation/src/termination-checklist).
    consumes: ['ofm.reciprocity.profile.v1', 'ofm.vehicles.vehicle.v1'],
    grpcServices: [
      'ofm.accreditation.v1.MissionService',
      'ofm.accreditation.v1.MemberService',
      'ofm.accreditation.v1.TravelService',
      'ofm.accreditation.v1.TenureService',
      'ofm.accreditation.v1.ChecklistService',
    ],
    protoFiles: [
      'ofm/accreditation/v1/mission.proto',
      'ofm/accreditation/v1/member.proto',
      'ofm/accreditation/v1/travel.proto',
      'ofm/accreditation/v1/tenure.proto',
      'ofm/accreditation/v1/checklist.proto',
    ],
    calls: [],
  },
  {
    name: 'reciprocity',
    summary: 'reciprocity profiles per country',
    grpcPort: 50052,
    httpPort: 9102,
    database: 'ofm_reciprocity',
    publishes: ['ofm.reciprocity.profile.v1', 'ofm.reciprocity.agreement.v1'],
    consumes: [],
    grpcServices: ['ofm.reciprocity.v1.ReciprocityService'],
    protoFiles: ['ofm/reciprocity/v1/reciprocity.proto'],
    calls: [],
  },
  {
    name: 'vehicles',
    summary: 'registrations, plates, liability insurance',
    grpcPort: 50053,
    httpPort: 9103,
    database: 'ofm_vehicles',
    // Compliance flags are raised here, on the shared compliance topic.
    publishes: [
      'ofm.vehicles.vehicle.v1',
      'ofm.vehicles.insurance.v1',
      'ofm.vehicles.licence.v1',
      'ofm.compliance.flag.v1',
      // Curated for partners from its own changes (services/vehicles/src/partner).
      'ofm.partner.dmv.v1',
      'ofm.partner.law-enforcement.v1',
    ],
    // The accreditation replica (@ofm/replicas, services/vehicles/src/vehicle/accreditation-replica.handlers.ts)
    // and the reciprocity profile replica (tax-free vehicles per member, disposition surcharge).
    consumes: ['ofm.accreditation.member.v1', 'ofm.accreditation.mission.v1', 'ofm.reciprocity.profile.v1'],
    grpcServices: [
      'ofm.vehicles.v1.VehicleService',
      'ofm.vehicles.v1.LicenceService',
      'ofm.vehicles.v1.InsuranceFeedService',
    ],
    protoFiles: [
      'ofm/vehicles/v1/vehicle.proto',
      'ofm/vehicles/v1/licence.proto',
      'ofm/vehicles/v1/insurance_feed.proto',
    ],
    calls: [],
  },
  {
    name: 'property',
    summary: 'real property requests',
    grpcPort: 50054,
    httpPort: 9104,
    database: 'ofm_property',
    planned: true,
    publishes: ['ofm.property.request.v1'],
    consumes: [],
    grpcServices: [],
    protoFiles: [],
    calls: [],
  },
  {
    name: 'customs',
    summary: 'duty-free shipments',
    grpcPort: 50055,
    httpPort: 9105,
    database: 'ofm_customs',
    planned: true,
    publishes: ['ofm.customs.shipment.v1'],
    consumes: [],
    grpcServices: [],
    protoFiles: [],
    calls: [],
  },
  {
    name: 'banking',
    summary: 'banking cases',
    grpcPort: 50056,
    httpPort: 9106,
    database: 'ofm_banking',
    planned: true,
    publishes: ['ofm.banking.case.v1'],
    consumes: [],
    grpcServices: [],
    protoFiles: [],
    calls: [],
  },
  {
    name: 'emergency',
    summary: 'incidents and the accountability of members',
    grpcPort: 50057,
    httpPort: 9107,
    database: 'ofm_emergency',
    planned: true,
    publishes: ['ofm.emergency.incident.v1'],
    consumes: [],
    grpcServices: [],
    protoFiles: [],
    calls: [],
  },
  {
    name: 'insights',
    summary: 'reporting across every domain',
    grpcPort: 50058,
    httpPort: 9108,
    database: 'ofm_insights',
    publishes: [],
    // The flag register (services/insights/src/flag); the other read models join as they are written.
    consumes: ['ofm.compliance.flag.v1'],
    grpcServices: ['ofm.insights.v1.FlagService'],
    protoFiles: ['ofm/insights/v1/flags.proto'],
    calls: [],
  },
];
