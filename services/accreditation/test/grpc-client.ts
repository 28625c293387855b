import { credentials, loadPackageDefinition, Metadata, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';

// A plain grpc-js client, as the gateway will be: the same proto files and loader options as the
// server, promise-wrapped, with the caller's identity in metadata.
type Call = (
  request: unknown,
  metadata: Metadata,
  callback: (error: ServiceError | null, response: any) => void,
) => void;

export interface AccreditationClient {
  call<T = any>(
    service: 'MissionService' | 'MemberService',
    method: string,
    request: unknown,
    actor?: Actor,
  ): Promise<T>;
  close(): void;
}

export const createAccreditationClient = (address: string): AccreditationClient => {
  const definition = loadSync([protoPath(PROTO_FILES.mission), protoPath(PROTO_FILES.member)], PROTO_LOADER_OPTIONS);
  const pkg = (loadPackageDefinition(definition) as any).ofm.accreditation.v1;
  const clients: Record<string, any> = {
    MissionService: new pkg.MissionService(address, credentials.createInsecure()),
    MemberService: new pkg.MemberService(address, credentials.createInsecure()),
  };
  return {
    call: (service, method, request, actor) =>
      new Promise((resolve, reject) => {
        const metadata = actor ? actorToMetadata(actor) : new Metadata();
        const fn = clients[service][method] as Call;
        fn.call(clients[service], request, metadata, (error, response) => (error ? reject(error) : resolve(response)));
      }),
    close: () => Object.values(clients).forEach((c) => c.close()),
  };
};

/** The problem+json the service put in the status details. */
export const problemOf = (error: unknown): { code: number; problem: any } => {
  const e = error as ServiceError;
  let problem: any;
  try {
    problem = JSON.parse(e.details);
  } catch {
    problem = { detail: e.details };
  }
  return { code: e.code, problem };
};
