import {
  credentials,
  loadPackageDefinition,
  Metadata,
  type Client,
  type ServiceClientConstructor,
  type ServiceError,
} from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { PROTO_LOADER_OPTIONS } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import type { Observable } from 'rxjs';

// A ts-proto client interface (Observable per method) as the gateway uses it: one promise per call,
// the caller's identity in metadata, a deadline on every call.
export type PromiseClient<C> = {
  [K in keyof C]: C[K] extends (request: infer Req, metadata?: Metadata) => Observable<infer Res>
    ? (request: Partial<Req>, actor?: Actor) => Promise<Res>
    : never;
};

export interface GrpcClientOptions {
  url: string;
  protoFile: string;
  // Fully-qualified service name, e.g. ofm.accreditation.v1.MemberService.
  service: string;
  deadlineMs: number;
}

// Plain @grpc/grpc-js rather than Nest's ClientGrpc: deadlines and metadata per call are explicit,
// and the OpenTelemetry grpc instrumentation (loaded first by main.ts) propagates the trace context.
export const createGrpcClient = <C>(options: GrpcClientOptions): { client: PromiseClient<C>; raw: Client } => {
  const definition = loadPackageDefinition(loadSync(options.protoFile, PROTO_LOADER_OPTIONS));
  const Ctor = options.service
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], definition) as ServiceClientConstructor;
  if (typeof Ctor !== 'function') throw new Error(`service ${options.service} not found in ${options.protoFile}`);
  const raw = new Ctor(options.url, credentials.createInsecure());
  const methods = Object.values(Ctor.service).map((m) => m.originalName ?? '');
  const client = Object.fromEntries(
    methods.map((name) => [
      name,
      (request: unknown, actor?: Actor) =>
        unary(raw, name, request, actor ? actorToMetadata(actor) : new Metadata(), options.deadlineMs),
    ]),
  ) as PromiseClient<C>;
  return { client, raw };
};

// A unary method of a grpc-js client made by makeClientConstructor.
type UnaryMethod = (
  request: unknown,
  metadata: Metadata,
  options: { deadline: number },
  callback: (error: ServiceError | null, response: unknown) => void,
) => unknown;

const unary = (
  raw: Client,
  method: string,
  request: unknown,
  metadata: Metadata,
  deadlineMs: number,
): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const fn = (raw as unknown as Record<string, UnaryMethod | undefined>)[method];
    if (typeof fn !== 'function') {
      reject(new Error(`no gRPC method ${method}`));
      return;
    }
    fn.call(raw, request, metadata, { deadline: Date.now() + deadlineMs }, (error, response) => {
      if (error) reject(error);
      else resolve(response);
    });
  });
