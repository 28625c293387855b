import { ClientError, Status } from 'nice-grpc';
import { createTestKeys, startTestGateway, type TestGateway } from '../gateway.spec-helper';

const MEMBER_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const ACCREDIT = '/ofm.accreditation.v1.MemberService/AccreditMember';

// The limits are read from the environment when the app is configured, as in a running gateway.
const withEnv = async <T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> => {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
};

const notFound = () =>
  new ClientError(
    ACCREDIT,
    Status.NOT_FOUND,
    JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No such member' }),
  );

describe('rate limits per caller', () => {
  let gw: TestGateway;

  beforeAll(async () => {
    gw = await withEnv(
      { RATE_LIMIT_PER_CALLER: '3', RATE_LIMIT_PER_ADDRESS: '2', RATE_LIMIT_WINDOW_SECONDS: '60' },
      () => startTestGateway(),
    );
    gw.downstream.members.accreditMember.mockImplementation(() => Promise.reject(notFound()));
  });
  afterAll(() => gw.close());

  const accredit = (token?: string) =>
    gw.request('POST', `/api/v1/members/${MEMBER_ID}/accreditation`, {
      ...(token ? { token } : {}),
      body: { decision: 'accredit' },
    });

  it('refuses a caller past its budget with 429 problem+json, Retry-After and RateLimit headers, before any call', async () => {
    const busy = await gw.token({ sub: 'officer-busy', roles: ['ofm-officer'] });
    const calls = gw.downstream.members.accreditMember.mock.calls.length;
    const answers = [await accredit(busy), await accredit(busy), await accredit(busy)];
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404]);
    expect(answers.map((a) => a.headers['ratelimit-remaining'])).toEqual(['2', '1', '0']);

    const limited = await accredit(busy);
    expect(limited.status).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.headers['ratelimit-limit']).toBe('3');
    expect(limited.body).toMatchObject({
      status: 429,
      detail: expect.stringMatching(/^Too many requests from this caller: at most 3 per 60 s; nothing was done/),
    });
    expect(gw.downstream.members.accreditMember.mock.calls.length).toBe(calls + 3);

    // Another caller has a budget of its own.
    expect((await accredit(await gw.token({ sub: 'officer-calm', roles: ['ofm-officer'] }))).status).toBe(404);
  });

  it('counts requests without a valid token by address, so a forged token spends no caller budget', async () => {
    const victim = await gw.token({ sub: 'officer-victim', roles: ['ofm-officer'] });
    const forged = await (await createTestKeys()).sign({ sub: 'officer-victim', roles: ['ofm-officer'] });
    expect((await accredit()).status).toBe(401);
    expect((await accredit(forged)).status).toBe(401);
    const third = await accredit(forged);
    expect(third.status).toBe(429);
    expect(third.headers['ratelimit-limit']).toBe('2');
    expect((await accredit(victim)).status).toBe(404);
  });

  it('does not limit probes and scrapes', async () => {
    for (let i = 0; i < 5; i++) expect((await gw.request('GET', '/health/live')).status).toBe(200);
  });
});

describe('bounded concurrency at the gateway', () => {
  let gw: TestGateway;
  let officer: string;

  beforeAll(async () => {
    gw = await withEnv({ HTTP_MAX_IN_FLIGHT: '2', LOAD_RETRY_AFTER_SECONDS: '4' }, () => startTestGateway());
    officer = await gw.token({ sub: 'officer-1', roles: ['ofm-officer'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => gw.downstream.members.accreditMember.mockReset());

  const accredit = () =>
    gw.request('POST', `/api/v1/members/${MEMBER_ID}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });

  it('answers a request past capacity 503 with Retry-After before the service is called', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    gw.downstream.members.accreditMember.mockImplementation(() => held.then(() => Promise.reject(notFound())));
    const running = [accredit(), accredit()];
    for (let i = 0; i < 100 && gw.downstream.members.accreditMember.mock.calls.length < 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const refused = await accredit();
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('4');
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 503, detail: expect.stringMatching(/^The server is at capacity/) });
    expect(gw.downstream.members.accreditMember).toHaveBeenCalledTimes(2);

    release();
    expect((await Promise.all(running)).map((r) => r.status)).toEqual([404, 404]);
    // Their places are free again.
    expect((await accredit()).status).toBe(404);
  });

  it('answers a service at capacity (UNAVAILABLE) 503 with Retry-After', async () => {
    const atCapacity = {
      type: 'about:blank',
      title: 'Service Unavailable',
      status: 503,
      detail: 'The service is at capacity; nothing was done, retry shortly',
    };
    gw.downstream.members.accreditMember.mockRejectedValueOnce(
      new ClientError(ACCREDIT, Status.UNAVAILABLE, JSON.stringify(atCapacity)),
    );
    const res = await accredit();
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('4');
    expect(res.body).toMatchObject({ status: 503, detail: atCapacity.detail });
  });
});
