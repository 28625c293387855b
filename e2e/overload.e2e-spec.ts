import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { api, type ApiAnswer, type RunningPlatform, startPlatform, embassyOfFrance } from '@ofm/testing';

// Load shedding end to end: a platform whose gateway serves a few requests at once, whose services
// run fewer gRPC calls at once still, and whose callers have a small budget. Far more commands than
// that at once get only 2xx, 429 or 503 (never 500), every refusal says when to retry, and a refused
// command left nothing behind, so a retry with the same Idempotency-Key is safe.
const LIMITS = {
  HTTP_MAX_IN_FLIGHT: '16',
  GRPC_MAX_IN_FLIGHT: '2',
  LOAD_RETRY_AFTER_SECONDS: '2',
  RATE_LIMIT_PER_CALLER: '10',
  RATE_LIMIT_WINDOW_SECONDS: '60',
};
const CONCURRENT = 240;
// Each sends at most 4 of the concurrent commands, within its budget: only capacity refuses them.
const CALLERS = 60;

describe('the platform under more load than it serves', () => {
  let platform: RunningPlatform;
  let gatewayDb: Client;
  let accreditationDb: Client;

  beforeAll(async () => {
    platform = await startPlatform('overload', { env: LIMITS });
    gatewayDb = new Client({ connectionString: platform.databases.gateway!.url });
    accreditationDb = new Client({ connectionString: platform.databases.accreditation!.url });
    await gatewayDb.connect();
    await accreditationDb.connect();
  });

  afterAll(async () => {
    await gatewayDb?.end();
    await accreditationDb?.end();
    await platform?.stop();
  });

  const officer = (sub: string) => platform.issuer.token({ sub, roles: ['ofm-officer'] });
  const register = (token: string, name: string, key = randomUUID()) =>
    api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token,
      body: { ...embassyOfFrance, name },
      headers: { 'idempotency-key': key },
    });
  const missionsNamed = async (name: string): Promise<number> =>
    (await accreditationDb.query<{ n: number }>('SELECT count(*)::int AS n FROM mission WHERE name = $1', [name]))
      .rows[0]!.n;
  const keyStored = async (key: string): Promise<boolean> =>
    ((await gatewayDb.query('SELECT 1 FROM idempotency_key WHERE key = $1', [key])).rowCount ?? 0) > 0;

  it('answers every command 2xx or 503 with Retry-After, and only the 2xx ones had an effect', async () => {
    const tokens = await Promise.all(Array.from({ length: CALLERS }, (_, i) => officer(`officer-overload-${i}`)));
    const run = randomUUID().slice(0, 8);
    const commands = Array.from({ length: CONCURRENT }, (_, i) => ({
      name: `Embassy of France (overload ${run} ${i})`,
      key: randomUUID(),
      token: tokens[i % CALLERS]!,
    }));
    const answers = await Promise.all(commands.map((c) => register(c.token, c.name, c.key)));

    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    const refused = answers.filter((a) => a.status === 503);
    const done = answers.filter((a) => a.status === 201);
    expect(refused.length).toBeGreaterThan(0);
    expect(done.length).toBeGreaterThan(0);
    for (const answer of refused) expectRefusal(answer, '2');
    // Both limits refused some: the gateway's (before anything ran) and a service's.
    const details = new Set(refused.map((a) => (a.body as { detail: string }).detail));
    expect([...details].some((d) => d.startsWith('The server is at capacity'))).toBe(true);
    expect([...details].some((d) => d.startsWith('The service is at capacity'))).toBe(true);

    for (const [i, c] of commands.entries()) {
      const created = answers[i]!.status === 201;
      expect({ name: c.name, missions: await missionsNamed(c.name) }).toEqual({
        name: c.name,
        missions: created ? 1 : 0,
      });
      // A refused command holds no key: the retry runs it.
      expect({ key: c.key, stored: await keyStored(c.key) }).toEqual({ key: c.key, stored: created });
    }

    // Retrying a refused command with its own key, once the load is gone, registers it once.
    const first = commands[statuses.indexOf(503)]!;
    const retry = await register(first.token, first.name, first.key);
    expect(retry.status).toBe(201);
    expect(await missionsNamed(first.name)).toBe(1);
  });

  it('refuses a caller past its budget with 429 and Retry-After while another caller still passes', async () => {
    const busy = await officer(`officer-busy-${randomUUID().slice(0, 8)}`);
    const other = await officer(`officer-other-${randomUUID().slice(0, 8)}`);
    const run = randomUUID().slice(0, 8);
    const answers: ApiAnswer[] = [];
    for (let i = 0; i < Number(LIMITS.RATE_LIMIT_PER_CALLER) + 2; i++) {
      answers.push(await register(busy, `Embassy of France (budget ${run} ${i})`));
    }
    expect(answers.map((a) => a.status)).toEqual([...Array(10).fill(201), 429, 429]);
    expect(answers[9]!.headers.get('ratelimit-remaining')).toBe('0');
    const limited = answers[10]!;
    expectRefusal(limited);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(limited.headers.get('ratelimit-limit')).toBe('10');
    expect((limited.body as { detail: string }).detail).toMatch(/at most 10 per 60 s; nothing was done/);
    expect(await missionsNamed(`Embassy of France (budget ${run} 10)`)).toBe(0);

    const passes = await register(other, `Embassy of France (other caller ${run})`);
    expect(passes.status).toBe(201);
  });

  const expectRefusal = (answer: ApiAnswer, retryAfter?: string): void => {
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body).toMatchObject({ status: answer.status, title: expect.any(String) });
    if (retryAfter) expect(answer.headers.get('retry-after')).toBe(retryAfter);
    else expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
  };
});
