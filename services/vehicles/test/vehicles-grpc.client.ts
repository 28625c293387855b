import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';

// A plain grpc-js client with the server's loader options, as the gateway calls the service.
type Callback = (error: ServiceError | null, response: unknown) => void;
type Unary = (request: unknown, metadata: Metadata, callback: Callback) => void;

export interface VehiclesClient {
  call<T = any>(method: string, request: unknown, actor?: Actor): Promise<T>;
  close(): void;
}

export const createVehiclesClient = (address: string): VehiclesClient => {
  const definition = loadSync(protoPath(PROTO_FILES.vehicle), PROTO_LOADER_OPTIONS);
  const pkg = (loadPackageDefinition(definition) as any).ofm.vehicles.v1;
  const client = new pkg.VehicleService(address, credentials.createInsecure());
  return {
    call: (method, request, actor) =>
      new Promise((resolve, reject) => {
        const metadata = actor ? actorToMetadata(actor) : new Metadata();
        (client[method] as Unary).call(client, request, metadata, (error, response) =>
          error ? reject(error) : resolve(response as any),
        );
      }),
    close: () => client.close(),
  };
};

/** The gRPC status code and the problem+json the service put in the status details. */
export const failureOf = async (call: Promise<unknown>): Promise<{ code: number; problem: any }> => {
  try {
    await call;
  } catch (error) {
    const e = error as ServiceError;
    let problem: any;
    try {
      problem = JSON.parse(e.details);
    } catch {
      problem = { detail: e.details };
    }
    return { code: e.code, problem };
  }
  throw new Error('expected the call to fail, but it succeeded');
};
