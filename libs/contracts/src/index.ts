// Public face of the generated contracts: one namespace per proto package, plus the event registry.
export * as common from './gen/ofm/common/v1/common';
export * as accreditation from './gen/ofm/accreditation/v1/member';
export * as missions from './gen/ofm/accreditation/v1/mission';
export * as accreditationEvents from './gen/ofm/accreditation/v1/events';
export * as vehicles from './gen/ofm/vehicles/v1/vehicle';
export * as vehiclesEvents from './gen/ofm/vehicles/v1/events';
export * as compliance from './gen/ofm/compliance/v1/flag';
export * from './events';
export * from './topics';
export * from './proto-files';
export * from './gen/words';
export * as vocabulary from './vocabulary';
export * as verification from './gen/ofm/common/v1/verification';
export * as health from './gen/grpc/health/v1/health';
export * from './asyncapi';
