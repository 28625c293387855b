import { PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import { createGrpcTestClient } from '@ofm/testing';

// A plain grpc-js client with the server's loader options, as the gateway calls the service.
export interface VehiclesClient {
  call<T = any>(method: string, request: unknown, actor?: Actor): Promise<T>;
  close(): void;
}

export const createVehiclesClient = (address: string): VehiclesClient => {
  const client = createGrpcTestClient<Actor, 'VehicleService'>({
    address,
    protoFiles: [PROTO_FILES.vehicle],
    protoPackage: 'ofm.vehicles.v1',
    metadataOf: actorToMetadata,
  });
  return {
    call: (method, request, actor) => client.call('VehicleService', method, request, actor),
    close: client.close,
  };
};
