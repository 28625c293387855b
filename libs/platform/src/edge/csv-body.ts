import { pipeline, Transform, type Readable } from 'node:stream';
import { errorCodes } from 'fastify';

// A CSV body (an insurer feed: ~12 MiB for 100,000 rows) reaches the route as a stream, never held
// whole: the route passes it on chunk by chunk. Fastify applies a route's bodyLimit only to the
// bodies it buffers itself, so the limit is counted here: a Content-Length over it is refused before
// a byte is read, and a body that runs past it fails the stream, both with Fastify's own
// FST_ERR_CTP_BODY_TOO_LARGE, which the edge answers 413 naming the limit like any other body.
export const limitedBody = (payload: Readable, limit: number | undefined, contentLength?: string): Readable => {
  if (limit !== undefined && contentLength !== undefined && Number(contentLength) > limit) {
    payload.resume();
    throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  }
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (limit !== undefined && seen > limit) done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
      else done(null, chunk);
    },
  });
  // An aborted request fails the counted stream too (pipeline destroys both ends on error).
  pipeline(payload, counted, () => undefined);
  return counted;
};
