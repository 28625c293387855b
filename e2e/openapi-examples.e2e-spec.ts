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
  parameters?: { name: string; in: string; required?: boolean }[];
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
    // The returned-documents example needs a terminated card holder: its card is the open item.
    const returning = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: admin,
      body: firstSecretary(mission.body.id, isoDate(-10)),
    });
    const holder = await api(platform.baseUrl, 'POST', `/api/v1/members/${returning.body.id}/accreditation`, {
      token: admin,
      body: { decision: 'accredit' },
    });
    const ended = await api(platform.baseUrl, 'POST', `/api/v1/members/${returning.body.id}/termination`, {
      token: admin,
      body: { effectiveDate: isoDate(0), reason: 'end of assignment' },
    });
    expect(ended.status).toBe(200);
    // The agreement examples need an agreement under negotiation to move on.
    const agreement = await api(platform.baseUrl, 'POST', '/api/v1/countries/FR/agreements', {
      token: admin,
      body: { subject: 'tax', summary: 'Tax relief for mission staff', proposedOn: isoDate(-30) },
    });
    expect({ status: agreement.status, body: agreement.body }).toMatchObject({ status: 201 });
    // …and under negotiation, from which the example's step (signed) is the next.
    const negotiating = await api(platform.baseUrl, 'POST', `/api/v1/agreements/${agreement.body.id}/status`, {
      token: admin,
      body: { status: 'negotiating', on: isoDate(-20) },
      headers: { 'if-match': agreement.headers.get('etag')! },
    });
    expect({ status: negotiating.status, body: negotiating.body }).toMatchObject({ status: 200 });
    // The decision example needs a trip waiting for approval: France's profile asks for approval.
    const profile = await api(platform.baseUrl, 'GET', '/api/v1/countries/FR/reciprocity', { token: admin });
    const approve = await api(platform.baseUrl, 'PUT', '/api/v1/countries/FR/reciprocity', {
      token: admin,
      // Approval for trips (the decision example), and room for the owner's second car (the vehicle examples).
      body: {
        ...profile.body,
        travelControls: 'approve',
        taxFreeVehiclesPerMember: 5,
        effectiveFrom: isoDate(0),
        source: 'openapi examples',
      },
      headers: { 'if-match': profile.headers.get('etag')! },
    });
    expect(approve.status).toBe(200);
    const trip = await waitFor(
      async () => {
        const r = await api(platform.baseUrl, 'POST', '/api/v1/travel-notifications', {
          token: admin,
          body: {
            memberId: member.body.id,
            destination: { name: 'Baltimore, MD', lat: 39.2904, lon: -76.6122 },
            departsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            returnsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
            purpose: 'official',
          },
        });
        return r.body.status === 'pending-approval' ? r : undefined;
      },
      { what: 'accreditation to decide trips under the FR profile that asks for approval' },
    );
    // The disposal example disposes of a car of its own (a second one of the owner, which FR's
    // profile now allows), so the other vehicle examples keep theirs.
    const disposable = await waitFor(
      async () => {
        const r = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: admin,
          // Another VIN (check digit 2), and no Idempotency-Key: a refusal while the profile travels
          // must not be replayed to the next attempt.
          body: { ...car(member.body.id), vin: '1HGCM82623A004360' },
        });
        return r.status === 201 ? r : undefined;
      },
      { what: 'vehicles to allow the owner a second car under FR v2' },
    );
    // The violation example needs a licence; the issue example a driver who holds none yet.
    const licence = await api(platform.baseUrl, 'POST', '/api/v1/licences', {
      token: admin,
      body: { memberId: member.body.id, licenceClass: 'C', expiresOn: isoDate(700) },
    });
    expect({ status: licence.status, body: licence.body }).toMatchObject({ status: 201 });
    const driver = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: admin,
      body: firstSecretary(mission.body.id, isoDate(-10)),
    });
    expect(
      (
        await api(platform.baseUrl, 'POST', `/api/v1/members/${driver.body.id}/accreditation`, {
          token: admin,
          body: { decision: 'accredit' },
        })
      ).status,
    ).toBe(200);
    // The status example suspends its mission: one of its own, so the other examples' mission stays active.
    const suspendable = await api(platform.baseUrl, 'POST', '/api/v1/missions', {
      token: admin,
      body: embassyOfFrance,
    });
    Object.assign(ids, {
      suspendable: suspendable.body.id,
      returning: returning.body.id,
      returningCard: holder.body.idCard.number,
      mission: mission.body.id,
      member: notified.body.id,
      owner: member.body.id,
      vehicle: vehicle.body.id,
      policy: policy.body.id,
      agreement: agreement.body.id,
      trip: trip.body.id,
      disposable: disposable.body.id,
      licence: licence.body.id,
      driver: driver.body.id,
    });
    const answer = await api(platform.baseUrl, 'GET', '/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  }, 120_000);
  afterAll(() => platform?.stop());

  // A member for each command on a member: commands change the member they act on (a termination
  // would leave nothing for a later change to act on), so each gets its own — notified for the
  // accreditation example, accredited (holding a card) for the others.
  const memberFor = async (path: string): Promise<string> => {
    if (!/^\/api\/v1\/members\/\{id\}\/(?!returned-documents)/.test(path)) return ids.member!;
    const fresh = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: admin,
      body: path.endsWith('/promotion')
        ? // The promotion example makes a diplomatic agent of a member of the A&T staff.
          {
            ...firstSecretary(ids.mission!, isoDate(-10)),
            category: 'administrative-technical',
            title: undefined,
            visaClass: 'A-2',
            passportType: 'official',
            transferPolicyAttested: true,
          }
        : path.endsWith('/id-card/renewal')
          ? // A card worth renewing: the visa it follows runs out in three months.
            { ...firstSecretary(ids.mission!, isoDate(-10)), visaExpiresOn: isoDate(90) }
          : firstSecretary(ids.mission!, isoDate(-10)),
    });
    expect(fresh.status).toBe(201);
    if (path.endsWith('/accreditation')) return fresh.body.id;
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${fresh.body.id}/accreditation`, {
      token: admin,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);
    return fresh.body.id;
  };

  // A real resource for each path parameter, by the path's collection.
  const realPath = async (path: string): Promise<string> =>
    path
      .replace('/missions/{id}/status', `/missions/${ids.suspendable}/status`)
      .replace('/missions/{id}', `/missions/${ids.mission}`)
      .replace('/members/{id}/returned-documents', `/members/${ids.returning}/returned-documents`)
      .replace('/members/{id}', `/members/${await memberFor(path)}`)
      .replace('/vehicles/{id}/disposal', `/vehicles/${ids.disposable}/disposal`)
      .replace('/vehicles/{id}', `/vehicles/${ids.vehicle}`)
      .replace('/licences/{id}', `/licences/${ids.licence}`)
      .replace('{policyId}', ids.policy!)
      .replace('/countries/{iso2}', '/countries/FR')
      .replace('/agreements/{id}', `/agreements/${ids.agreement}`)
      .replace('/travel-notifications/{id}', `/travel-notifications/${ids.trip}`);

  // A route whose If-Match is required gets the ETag of what it changes, read first: the resource
  // itself for a PUT, the resource a command (POST …/status) acts on otherwise.
  const ifMatchFor = async (op: Operation, path: string): Promise<Record<string, string>> => {
    const header = op.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match');
    if (!header?.required) return {};
    const resource = path.replace(/\/(status|decision)$/, '');
    const current = await api(platform.baseUrl, 'GET', resource, { token: admin });
    expect({ resource, status: current.status }).toEqual({ resource, status: 200 });
    return { 'if-match': current.headers.get('etag')! };
  };

  const examples = () =>
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        const example = op.requestBody?.content['application/json']?.example;
        return example === undefined ? [] : [{ path, method, op, example }];
      }),
    );

  it('shows an example for every request body', () => {
    // JSON bodies: the insurer feed's CSV body has its own suite (e2e/insurance-feed.e2e-spec.ts).
    const bodies = Object.values(document.paths).flatMap((ops) =>
      Object.values(ops).filter((op) => op.requestBody?.content['application/json']),
    );
    expect(bodies.length).toBeGreaterThanOrEqual(5);
    expect(examples()).toHaveLength(bodies.length);
  });

  it('accepts every request example it shows, each answered with a documented success', async () => {
    const answers = [];
    for (const { path, method, op, example } of examples()) {
      // A mission user notifies for its own mission, so the example needs no missionId.
      const token = path === '/api/v1/members' ? clerk : admin;
      // An owner named in a body is a real one too: the accredited member of this test.
      const body =
        example && typeof example === 'object' && 'ownerMemberId' in example
          ? { ...example, ownerMemberId: ids.owner }
          : path.endsWith('/returned-documents')
            ? { ...(example as object), reference: ids.returningCard, returnedOn: isoDate(0) }
            : example;
      const real = await realPath(path);
      // A trip is submitted for a real member of the mission, and its example dates are moved to
      // the coming week: fixed dates in a document would fall into the past.
      const sent =
        path === '/api/v1/licences'
          ? // A licence is issued to an accredited member who holds none yet, until a day still to come.
            { ...(body as object), memberId: ids.driver, expiresOn: isoDate(700) }
          : path === '/api/v1/travel-notifications'
            ? {
                ...(body as object),
                memberId: ids.owner,
                departsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
                returnsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
              }
            : path.endsWith('/id-card/renewal')
              ? { ...(body as object), visaExpiresOn: isoDate(700) }
              : body;
      const headers = await ifMatchFor(op, real);
      const answer = await api(platform.baseUrl, method.toUpperCase(), real, { token, body: sent, headers });
      const documented = Object.keys(op.responses);
      answers.push({
        op: op.operationId,
        status: answer.status,
        expected: Number(documented.find((s) => s.startsWith('2'))),
        body: answer.status < 300 ? 'ok' : answer.body,
      });
    }
    // Every failure at once, not only the first.
    expect(answers.filter((a) => a.status !== a.expected)).toEqual([]);
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
