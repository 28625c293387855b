import { PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import { createGrpcTestClient, type GrpcTestClient } from '@ofm/testing';

// A plain grpc-js client, as the gateway will be (see createGrpcTestClient).
export type AccreditationClient = GrpcTestClient<Actor, 'MissionService' | 'MemberService'>;

export const createAccreditationClient = (address: string): AccreditationClient =>
  createGrpcTestClient({
    address,
    protoFiles: [PROTO_FILES.mission, PROTO_FILES.member],
    protoPackage: 'ofm.accreditation.v1',
    metadataOf: actorToMetadata,
  });
