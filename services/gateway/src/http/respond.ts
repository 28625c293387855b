import { vocabulary } from '@ofm/contracts';
import type { FastifyReply } from 'fastify';
import { etagOf } from './etag';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A service's message as the API answers it: every field present, null where it has no value. */
export const answer = <T = Record<string, unknown>>(message: string, value: unknown): T => {
  // A service answer without the message it must carry is a bug downstream, not a client error.
  if (value === null || value === undefined) throw new Error(`the service answered without ${message}`);
  return vocabulary.toAnswer<T>(message, value);
};

export const page = <T = Record<string, unknown>>(
  message: string,
  items: unknown[] | undefined,
  nextCursor: string | undefined,
): Page<T> => ({
  items: (items ?? []).map((item) => vocabulary.toAnswer<T>(message, item)),
  nextCursor: nextCursor ? nextCursor : null,
});

// A single resource answer carries its version as ETag.
export const withEtag = <T extends { version?: unknown }>(reply: FastifyReply, view: T): T => {
  if (typeof view.version === 'number') reply.header('etag', etagOf(view.version));
  return view;
};

// 201 answers name the new resource in Location.
export const created = <T extends { id?: unknown; version?: unknown }>(
  reply: FastifyReply,
  collection: string,
  view: T,
): T => {
  reply.header('location', `${collection}/${String(view.id)}`);
  return withEtag(reply, view);
};
