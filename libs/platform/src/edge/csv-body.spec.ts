import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { limitedBody } from './csv-body';

const source = (...chunks: string[]) => {
  const stream = new PassThrough();
  for (const chunk of chunks) stream.write(chunk);
  stream.end();
  return stream;
};

describe('limitedBody: a CSV body counted against the route limit', () => {
  it('passes a body within the limit on, chunk by chunk', async () => {
    expect(await text(limitedBody(source('a,b\n', '1,2\n'), 8))).toBe('a,b\n1,2\n');
    expect(await text(limitedBody(source('no limit'), undefined))).toBe('no limit');
  });

  it('refuses a Content-Length over the limit before a byte is read, and discards the body', async () => {
    const body = source('x'.repeat(20));
    expect(() => limitedBody(body, 10, '20')).toThrow(expect.objectContaining({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' }));
    await new Promise((done) => body.once('end', done));
    expect([body.readableEnded, body.errored]).toEqual([true, null]);
  });

  it('fails the stream once the body runs past the limit, and reads the rest without destroying the request', async () => {
    const body = source('12345', '67890', 'abcde', 'fghij');
    const counted = limitedBody(body, 12);
    await expect(text(counted)).rejects.toMatchObject({ code: 'FST_ERR_CTP_BODY_TOO_LARGE' });
    await new Promise((done) => (body.readableEnded ? done(undefined) : body.once('end', done)));
    expect([body.readableEnded, body.errored]).toEqual([true, null]);
  });

  it('fails the stream when the request is aborted', async () => {
    const body = new PassThrough();
    const counted = limitedBody(body, 100);
    body.write('a,b\n');
    body.destroy(new Error('aborted'));
    await expect(text(counted)).rejects.toThrow('aborted');
  });
});
