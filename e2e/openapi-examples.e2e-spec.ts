import {
  api,
  type RunningPlatform,
  startPlatform,
  waitFor,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

type Operation = {
  operationId: string;
  parameters?: { name: string; in: string }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, unknown>;
};

// The OpenAPI document is exactly as strict as the server: every request example it shows is
// accepted when sent to the running platform (ids in paths and bodies are real resources of this test), and every
// status the platform answered in this suite is one the operation documents.
describe('the OpenAPI document', () => {
  let platform: RunningPlatform;
  let admin: string;
  let clerk: string;
  let document: { paths: Record<string, Record<string, Operation>> };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await startPlatform('openapi');
    admin = await platform.issuer.token({ sub: 'admin-1', roles: ['ofm-admin'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: admin, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    clerk = await platform.issuer.token({ sub: 'clerk-1', roles: ['mission-user'], mission_id: mission.body.id });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: admin,
      body: firstSecretary(mission.body.id, isoDate(-10)),
    });
    expect(member.status).toBe(201);
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: admin,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);
    // The vehicles service learns of the accreditation over Kafka.
    const vehicle = await waitFor(
      async () => {
        const r = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', { token: admin, body: car(member.body.id) });
        return r.status === 201 ? r : undefined;
      },
      { what: 'the vehicles service to know the accredited member' },
    );
    const policy = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${vehicle.body.id}/insurance`, {
      token: admin,
      body: carInsurance(),
    });
    expect(policy.status).toBe(201);
    // The accreditation example needs a member not yet accredited, who meets the criteria.
    const notified = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: admin,
      body: firstSecretary(mission.body.id, isoDate(-10)),
    });
    expect(notified.status).toBe(201);
    // The status example suspends its mission: one of its own, so the other examples' mission stays active.
    const suspendable = await api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token: admin,
      body: embassyOfFrance,
    });
    Object.assign(ids, {
      suspendable: suspendable.body.id,
      mission: mission.body.id,
      member: notified.body.id,
      owner: member.body.id,
      vehicle: vehicle.body.id,
      policy: policy.body.id,
    });
    const answer = await api(platform.baseUrl, 'GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  }, 120_000);
  afterAll(() => platform?.stop());

  // A real resource for each path parameter, by the path's collection.
  const realPath = (path: string): string =>
    path
      .replace('/missions/{id}/status', `/missions/${ids.suspendable}/status`)
      .replace('/missions/{id}', `/missions/${ids.mission}`)
      .replace('/members/{id}', `/members/${ids.member}`)
      .replace('/vehicles/{id}', `/vehicles/${ids.vehicle}`)
      .replace('{policyId}', ids.policy!);

  const examples = () =>
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const example = op.requestBody?.content['application/json']?.example;
        return example === undefined ? [] : [{ path, method, op, example }];
      }),
    );

  it('shows an example for every request body', () => {
    const bodies = Object.values(document.paths).flatMap((ops) => Object.values(ops).filter((op) => op.requestBody));
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    expect(examples()).toHaveLength(bodies.length);
  });

  it('accepts every request example it shows, each answered with a documented success', async () => {
    for (const { path, method, op, example } of examples()) {
      // A mission user notifies for its own mission, so the example needs no missionId.
      const token = path === '/api/v1/members' ? clerk : admin;
      // An owner named in a body is a real one too: the accredited member of this test.
      const body =
        example && typeof example === 'object' && 'ownerMemberId' in example
          ? { ...example, ownerMemberId: ids.owner }
          : example;
      const answer = await api(platform.baseUrl, method.toUpperCase(), realPath(path), { token, body });
      const documented = Object.keys(op.responses);
      expect({ op: op.operationId, status: answer.status, body: answer.status < 300 ? 'ok' : answer.body }).toEqual({
        op: op.operationId,
        status: Number(documented.find((s) => s.startsWith('2'))),
        body: 'ok',
      });
    }
  });

  it('documents every status this suite saw', async () => {
    const seen: { path: string; method: string; status: number }[] = [
      {
        path: '/api/v1/members/{id}',
        method: 'get',
        status: (await api(platform.baseUrl, 'GET', `/api/v1/members/${ids.mission}`, { token: admin })).status,
      },
      {
        path: '/api/v1/members',
        method: 'get',
        status: (await api(platform.baseUrl, 'GET', '/api/v1/members?limit=0', { token: admin })).status,
      },
      {
        path: '/api/v1/missions',
        method: 'post',
        status: (await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: clerk, body: embassyOfFrance }))
          .status,
      },
      {
        path: '/api/v1/missions',
        method: 'get',
        status: (await api(platform.baseUrl, 'GET', '/api/v1/missions')).status,
      },
    ];
    seen.push({
      path: '/api/v1/missions',
      method: 'get',
      status: (await api(platform.baseUrl, 'GET', '/api/v1/missions', { token: admin })).status,
    });
    expect(seen.map((s) => s.status)).toEqual([404, 400, 403, 401, 200]);
    for (const s of seen) expect(Object.keys(document.paths[s.path]![s.method]!.responses)).toContain(String(s.status));
  });
});
