import { PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import { createGrpcTestClient } from '@ofm/testing';
import { VEHICLES_GRPC_PACKAGE } from '../src/bootstrap';

// A plain grpc-js client of one of vehicles' gRPC services with the server's loader options, called
// as the gateway calls it (actor metadata).
export interface VehiclesClient {
  call<T = any>(method: string, request: unknown, actor?: Actor): Promise<T>;
  close(): void;
}

export const vehiclesServiceClient = (address: string, protoFile: string, service: string): VehiclesClient => {
  const client = createGrpcTestClient<Actor, string>({
    address,
    protoFiles: [protoFile],
    protoPackage: VEHICLES_GRPC_PACKAGE,
    metadataOf: actorToMetadata,
  });
  return {
    call: (method, request, actor) => client.call(service, method, request, actor) as never,
    close: client.close,
  };
};

export const createVehiclesClient = (address: string): VehiclesClient =>
  vehiclesServiceClient(address, PROTO_FILES.vehicle, 'VehicleService');
