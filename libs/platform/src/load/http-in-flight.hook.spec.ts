import Fastify, { type FastifyInstance } from 'fastify';
import { Capacity } from './capacity';
import { limitHttpInFlight, retryAfterOnRefusal, type ShedFastify } from './http-in-flight.hook';

describe('limitHttpInFlight', () => {
  let fastify: FastifyInstance;
  let capacity: Capacity;
  let handled: number;
  let finish: () => void;
  let finished: Promise<void>;

  beforeEach(async () => {
    handled = 0;
    finished = new Promise((resolve) => (finish = resolve));
    capacity = new Capacity('http', 2);
    fastify = Fastify();
    limitHttpInFlight(fastify as unknown as ShedFastify, capacity, 3);
    retryAfterOnRefusal(fastify as unknown as ShedFastify, 3);
    fastify.post('/api/v1/missions', async () => {
      handled += 1;
      await finished;
      return { ok: true };
    });
    fastify.get('/health/live', async () => ({ status: 'ok' }));
    fastify.get('/busy', async (_request, reply) => reply.code(503).send({ busy: true }));
    await fastify.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async () => {
    finish();
    await fastify.close();
  });

  const url = (path: string) => `http://127.0.0.1:${(fastify.server.address() as { port: number }).port}${path}`;
  const post = () =>
    fetch(url('/api/v1/missions'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });

  it('answers a request past capacity 503 problem+json with Retry-After, without running it', async () => {
    const running = [post(), post()];
    await waitUntil(() => handled === 2);
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(refused.headers.get('retry-after')).toBe('3');
    expect(await refused.json()).toMatchObject({ status: 503, detail: expect.stringMatching(/at capacity/) });
    expect(handled).toBe(2);
    // Probes are still answered.
    expect((await fetch(url('/health/live'))).status).toBe(200);

    finish();
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([200, 200]);
    await waitUntil(() => capacity.used === 0);
    expect((await post()).status).toBe(200);
  });

  it('frees the place of a client that went away before its answer', async () => {
    const gone = new AbortController();
    const abandoned = fetch(url('/api/v1/missions'), { method: 'POST', body: '{}', signal: gone.signal }).catch(
      (error: Error) => error.name,
    );
    await waitUntil(() => handled === 1);
    gone.abort();
    expect(await abandoned).toBe('AbortError');
    await waitUntil(() => capacity.used === 0);
  });

  it('adds Retry-After to any 503 that lacks one', async () => {
    const busy = await fetch(url('/busy'));
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('3');
  });
});

const waitUntil = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(condition()).toBe(true);
};
