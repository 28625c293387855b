import { PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import { createGrpcTestClient } from '@ofm/testing';

// A plain grpc-js client with the server's loader options, as the gateway calls the service.
export interface ReciprocityClient {
  call<T = any>(method: string, request: unknown, actor?: Actor): Promise<T>;
  close(): void;
}

export const createReciprocityClient = (address: string): ReciprocityClient => {
  const client = createGrpcTestClient<Actor, 'ReciprocityService'>({
    address,
    protoFiles: [PROTO_FILES.reciprocity],
    protoPackage: 'ofm.reciprocity.v1',
    metadataOf: actorToMetadata,
  });
  return {
    call: (method, request, actor) => client.call('ReciprocityService', method, request, actor),
    close: client.close,
  };
};
