import { credentials, loadPackageDefinition, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';

// A plain grpc-js client for a service's integration tests, as the gateway calls it: the same proto
// files and loader options as the server, promise-wrapped, with the caller's identity in metadata.
export interface GrpcTestClientOptions<Caller> {
  address: string;
  /** Proto files relative to proto/ (PROTO_FILES values). */
  protoFiles: string[];
  /** The proto package of the services, e.g. ofm.accreditation.v1. */
  protoPackage: string;
  /** The metadata a call made as `caller` carries (actorToMetadata of @ofm/platform). */
  metadataOf: (caller: Caller) => Metadata;
}

export interface GrpcTestClient<Caller, Service extends string = string> {
  call<T = any>(service: Service, method: string, request: unknown, caller?: Caller): Promise<T>;
  close(): void;
}

type Unary = (
  request: unknown,
  metadata: Metadata,
  callback: (error: ServiceError | null, response: unknown) => void,
) => void;

export const createGrpcTestClient = <Caller, Service extends string = string>(
  options: GrpcTestClientOptions<Caller>,
): GrpcTestClient<Caller, Service> => {
  const definition = loadSync(options.protoFiles.map(protoPath), PROTO_LOADER_OPTIONS);
  const pkg = options.protoPackage
    .split('.')
    .reduce<any>((node, part) => node[part], loadPackageDefinition(definition));
  const clients = new Map<string, Client>();
  const clientOf = (service: string): any => {
    let client = clients.get(service);
    if (!client) {
      client = new pkg[service](options.address, credentials.createInsecure()) as Client;
      clients.set(service, client);
    }
    return client;
  };
  return {
    call: (service, method, request, caller) =>
      new Promise((resolve, reject) => {
        const metadata = caller ? options.metadataOf(caller) : new Metadata();
        const client = clientOf(service);
        (client[method] as Unary).call(client, request, metadata, (error, response) =>
          error ? reject(error) : resolve(response as any),
        );
      }),
    close: () => clients.forEach((client) => client.close()),
  };
};

/** The gRPC status code of a failed call and the problem+json the service put in the status details. */
export const grpcFailure = (error: unknown): { code: number; problem: any } => {
  const e = error as ServiceError;
  let problem: any;
  try {
    problem = JSON.parse(e.details);
  } catch {
    problem = { detail: e.details };
  }
  return { code: e.code, problem };
};

/** The failure of a call that must fail (see grpcFailure); throws when it succeeds. */
export const failureOf = async (call: Promise<unknown>): Promise<{ code: number; problem: any }> => {
  try {
    await call;
  } catch (error) {
    return grpcFailure(error);
  }
  throw new Error('expected the call to fail, but it succeeded');
};
