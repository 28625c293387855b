import { Metadata } from '@grpc/grpc-js';
import type { Actor } from './actor';
import { runInRequestContext } from '../context/request-context';
import {
  ACTOR_ROLES_KEY,
  ACTOR_SUBJECT_KEY,
  REQUEST_ID_KEY,
  actorFromMetadata,
  actorToMetadata,
  grpcActor,
  outgoingMetadata,
  requestIdFromMetadata,
} from './actor-metadata';

describe('actor in gRPC metadata', () => {
  it('round-trips an actor with a mission', () => {
    const actor: Actor = {
      subject: 'user-7',
      roles: ['mission-user'],
      missionId: '0b6f3c1e-8f0a-4b8e-9a57-0d3f1c2b4a55',
    };
    expect(actorFromMetadata(actorToMetadata(actor))).toEqual(actor);
  });

  it('round-trips an actor with several roles and no mission', () => {
    const actor: Actor = { subject: 'officer-1', roles: ['ofm-officer', 'auditor'] };
    const metadata = actorToMetadata(actor);
    expect(metadata.get(ACTOR_ROLES_KEY)).toEqual(['ofm-officer,auditor']);
    expect(actorFromMetadata(metadata)).toEqual(actor);
  });

  it('adds to existing metadata and replaces a previous actor', () => {
    const metadata = new Metadata();
    metadata.set('traceparent', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
    actorToMetadata({ subject: 'a', roles: ['mission-user'], missionId: 'm-1' }, metadata);
    actorToMetadata({ subject: 'b', roles: ['ofm-admin'] }, metadata);
    expect(metadata.get('traceparent')).toHaveLength(1);
    expect(actorFromMetadata(metadata)).toEqual({ subject: 'b', roles: ['ofm-admin'] });
  });

  it('answers no actor without a subject', () => {
    const metadata = new Metadata();
    metadata.set(ACTOR_ROLES_KEY, 'ofm-admin');
    expect(actorFromMetadata(metadata)).toBeUndefined();
    expect(actorFromMetadata(undefined)).toBeUndefined();
  });

  it('drops role names it does not know', () => {
    const metadata = new Metadata();
    metadata.set(ACTOR_SUBJECT_KEY, 'x');
    metadata.set(ACTOR_ROLES_KEY, 'root, auditor,,auditor');
    expect(actorFromMetadata(metadata)).toEqual({ subject: 'x', roles: ['auditor'] });
  });

  it('grpcActor throws an unauthenticated DomainError when there is no actor', () => {
    expect(() => grpcActor(new Metadata())).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(grpcActor(actorToMetadata({ subject: 's', roles: ['auditor'] }))).toEqual({
      subject: 's',
      roles: ['auditor'],
    });
  });
});

describe('request id in gRPC metadata', () => {
  const actor: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

  it('sends the actor alone outside a request context', () => {
    const metadata = outgoingMetadata(actor);
    expect(actorFromMetadata(metadata)).toEqual(actor);
    expect(metadata.get(REQUEST_ID_KEY)).toEqual([]);
    expect(requestIdFromMetadata(metadata)).toBeUndefined();
  });

  it('adds the request id of the current request context, through awaits', async () => {
    const metadata = await runInRequestContext({ requestId: 'a1b2c3' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return outgoingMetadata(actor);
    });
    expect(requestIdFromMetadata(metadata)).toBe('a1b2c3');
    expect(actorFromMetadata(metadata)).toEqual(actor);
    expect(requestIdFromMetadata(outgoingMetadata())).toBeUndefined();
  });

  it('refuses a malformed request id instead of ignoring it', () => {
    const metadata = new Metadata();
    metadata.set(REQUEST_ID_KEY, 'x'.repeat(256));
    expect(() => requestIdFromMetadata(metadata)).toThrow(expect.objectContaining({ kind: 'validation' }));
    metadata.set(REQUEST_ID_KEY, '   ');
    expect(requestIdFromMetadata(metadata)).toBeUndefined();
  });
});
