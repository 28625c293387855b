import { finished, Transform, type Readable } from 'node:stream';
import { errorCodes } from 'fastify';

// A CSV body (an insurer feed: ~12 MiB for 100,000 rows) reaches the route as a stream, never held
// whole: the route passes it on chunk by chunk. Fastify applies a route's bodyLimit only to the
// bodies it buffers itself, so the limit is counted here: a Content-Length over it is refused before
// a byte is read, and a body that runs past it fails the stream, both with Fastify's own
// FST_ERR_CTP_BODY_TOO_LARGE, which the edge answers 413 naming the limit like any other body.
// Past the limit the rest is read and discarded, not the request destroyed: destroying it would
// reset the connection under a client still sending, which then never reads its 413 (unread-body.ts).
export const limitedBody = (payload: Readable, limit: number | undefined, contentLength?: string): Readable => {
  if (limit !== undefined && contentLength !== undefined && Number(contentLength) > limit) {
    payload.resume();
    throw new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();
  }
  let seen = 0;
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (limit === undefined || seen <= limit) {
        done(null, chunk);
        return;
      }
      payload.unpipe(counted);
      payload.resume();
      done(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
    },
  });
  // An aborted request fails the counted stream.
  finished(payload, (error) => {
    if (error) counted.destroy(error);
  });
  payload.pipe(counted);
  return counted;
};
