import { AsyncLocalStorage } from 'node:async_hooks';

// What one request carries through every await of its handling, without being passed by hand.
// In the gateway the idempotency interceptor sets `requestId` (derived from the Idempotency-Key) and
// the gRPC client sends it; in a service RequestContextInterceptor sets it from the call's metadata,
// with the gRPC method, and @ofm/persistence's inCommand records the command's receipt under both.
export interface RequestContext {
  /** Identifies one command across retries: the same id means "the same command, run it at most once". */
  readonly requestId?: string;
  /** The gRPC method served, e.g. /ofm.accreditation.v1.MissionService/RegisterMission. */
  readonly method?: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` (and everything it starts) with `context` as the current request context. */
export const runInRequestContext = <T>(context: RequestContext, fn: () => T): T => storage.run(context, fn);

export const currentRequestContext = (): RequestContext | undefined => storage.getStore();

export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

// Printable ASCII without spaces at either end, at most 255 characters: an Idempotency-Key itself
// or an id derived from one (the gateway sends a sha256 hex).
export const isValidRequestId = (id: string): boolean =>
  id.length >= 1 && id.length <= 255 && /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(id);
