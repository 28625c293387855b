import { join, resolve } from 'node:path';

// The .proto sources, which the gRPC server and clients load at run time (@grpc/proto-loader).
// dist/ sits two levels below the repository root in the repo and in the container image alike.
export const PROTO_ROOT = resolve(__dirname, '../../../proto');

export const PROTO_FILES = {
  mission: 'ofm/accreditation/v1/mission.proto',
  member: 'ofm/accreditation/v1/member.proto',
  travel: 'ofm/accreditation/v1/travel.proto',
  tenure: 'ofm/accreditation/v1/tenure.proto',
  checklist: 'ofm/accreditation/v1/checklist.proto',
  vehicle: 'ofm/vehicles/v1/vehicle.proto',
  insuranceFeed: 'ofm/vehicles/v1/insurance_feed.proto',
  licence: 'ofm/vehicles/v1/licence.proto',
  reciprocity: 'ofm/reciprocity/v1/reciprocity.proto',
  flags: 'ofm/insights/v1/flags.proto',
  health: 'grpc/health/v1/health.proto',
} as const;

export const protoPath = (file: string): string => join(PROTO_ROOT, file);

// How every gRPC server and client here loads the .proto files (@grpc/proto-loader): camelCase field
// names, enums and 64-bit integers as strings, defaults filled in. Both ends must agree, so there is one.
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
  // vendor/ holds the protovalidate rules (buf/validate/validate.proto) that the protos import.
  includeDirs: [PROTO_ROOT, join(PROTO_ROOT, 'vendor')],
};
