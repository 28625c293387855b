import type { FastifyReply } from 'fastify';
import { etagOf } from './etag';

// A single resource answer carries its version as ETag.
export const withEtag = <T extends { version: number }>(reply: FastifyReply, view: T): T => {
  reply.header('etag', etagOf(view.version));
  return view;
};

// 201 answers name the new resource in Location.
export const created = <T extends { id: string }>(reply: FastifyReply, collection: string, view: T): T => {
  reply.header('location', `${collection}/${view.id}`);
  const version = (view as { version?: unknown }).version;
  if (typeof version === 'number') reply.header('etag', etagOf(version));
  return view;
};

// A service answer without the message it must carry is a bug downstream, not a client error.
export const must = <T>(value: T | null | undefined, what: string): T => {
  if (value === null || value === undefined) throw new Error(`the service answered without ${what}`);
  return value;
};
