import { Metadata } from '@grpc/grpc-js';
import { currentRequestId, isValidRequestId } from '../context/request-context';
import { unauthenticated, validationFailed } from '../errors/domain.error';
import { isRole, type Actor } from './actor';

export const ACTOR_SUBJECT_KEY = 'x-ofm-actor-subject';
export const ACTOR_ROLES_KEY = 'x-ofm-actor-roles';
export const ACTOR_MISSION_ID_KEY = 'x-ofm-actor-mission-id';
// The id of the command a call belongs to: the same id on a retry means "at most once" (inCommand).
export const REQUEST_ID_KEY = 'x-ofm-request-id';

// The gateway forwards the authenticated caller to services in gRPC metadata.
export const actorToMetadata = (actor: Actor, metadata: Metadata = new Metadata()): Metadata => {
  metadata.set(ACTOR_SUBJECT_KEY, actor.subject);
  metadata.set(ACTOR_ROLES_KEY, actor.roles.join(','));
  if (actor.missionId) metadata.set(ACTOR_MISSION_ID_KEY, actor.missionId);
  else metadata.remove(ACTOR_MISSION_ID_KEY);
  return metadata;
};

// Unknown role names are dropped rather than trusted; no subject means no actor.
export const actorFromMetadata = (metadata: Metadata | undefined): Actor | undefined => {
  if (!metadata || typeof metadata.get !== 'function') return undefined;
  const subject = first(metadata, ACTOR_SUBJECT_KEY);
  if (!subject) return undefined;
  const roles = (first(metadata, ACTOR_ROLES_KEY) ?? '')
    .split(',')
    .map((role) => role.trim())
    .filter(isRole);
  const actor: Actor = { subject, roles: [...new Set(roles)] };
  const missionId = first(metadata, ACTOR_MISSION_ID_KEY);
  if (missionId) actor.missionId = missionId;
  return actor;
};

// The metadata of every call the gateway makes: the caller and, inside a request context that holds
// one (a POST with Idempotency-Key), the request id. The one function a gRPC client wrapper calls.
export const outgoingMetadata = (actor?: Actor, metadata: Metadata = new Metadata()): Metadata => {
  if (actor) actorToMetadata(actor, metadata);
  return requestIdToMetadata(currentRequestId(), metadata);
};

export const requestIdToMetadata = (requestId: string | undefined, metadata: Metadata = new Metadata()): Metadata => {
  if (requestId) metadata.set(REQUEST_ID_KEY, requestId);
  else metadata.remove(REQUEST_ID_KEY);
  return metadata;
};

// No id means "not an idempotent call"; a malformed one is refused rather than ignored, since
// ignoring it would silently run a retried command twice.
export const requestIdFromMetadata = (metadata: Metadata | undefined): string | undefined => {
  if (!metadata || typeof metadata.get !== 'function') return undefined;
  const id = first(metadata, REQUEST_ID_KEY);
  if (id === undefined) return undefined;
  if (!isValidRequestId(id)) {
    throw validationFailed([
      { field: REQUEST_ID_KEY, message: `${REQUEST_ID_KEY} must be 1 to 255 printable ASCII characters` },
    ]);
  }
  return id;
};

// For gRPC handlers: the caller, or an unauthenticated DomainError.
export const grpcActor = (metadata: Metadata | undefined): Actor => {
  const actor = actorFromMetadata(metadata);
  if (!actor) throw unauthenticated('No caller identity in the request metadata');
  return actor;
};

const first = (metadata: Metadata, key: string): string | undefined => {
  const [value] = metadata.get(key);
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value : value.toString('utf8');
  return text.trim() === '' ? undefined : text.trim();
};
