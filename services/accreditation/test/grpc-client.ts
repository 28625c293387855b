import { PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import { createGrpcTestClient, type GrpcTestClient } from '@ofm/testing';

// A plain grpc-js client, as the gateway will be (see createGrpcTestClient).
export type AccreditationClient = GrpcTestClient<
  Actor,
  'MissionService' | 'MemberService' | 'TravelService' | 'TenureService' | 'ChecklistService'
>;

export const createAccreditationClient = (address: string): AccreditationClient =>
  createGrpcTestClient({
    address,
    protoFiles: [
      PROTO_FILES.mission,
      PROTO_FILES.member,
      PROTO_FILES.travel,
      PROTO_FILES.checklist,
      PROTO_FILES.tenure,
    ],
    protoPackage: 'ofm.accreditation.v1',
    metadataOf: actorToMetadata,
  });
