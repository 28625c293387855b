import { api, embassyOfFrance, isoDate, startPlatform, waitFor, type RunningPlatform } from '@ofm/testing';

// An insurer feed through the gateway: the CSV streamed to vehicles, 202 at once, then its progress
// read until done, with each refused row named by its line (the header is line 1).
const HEADER =
  'action,insurer,policyNumber,vin,effectiveDate,expirationDate,combinedSingleLimit,bodilyInjuryPerPerson,bodilyInjuryPerAccident,propertyDamage';
const VIN = '1HGCM82633A004352';

describe('POST /api/v1/insurance-feeds: insurer feeds', () => {
  let platform: RunningPlatform;
  let officer: string;

  beforeAll(async () => {
    platform = await startPlatform('insurance_feed');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  const post = async (csv: string | Buffer, token = officer, contentType = 'text/csv') => {
    const response = await fetch(`${platform.baseUrl}/api/v1/insurance-feeds`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body: csv,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as any };
  };

  it('answers 202, applies the good rows and names the bad ones by line; the same file again is the same feed', async () => {
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: { ownerMissionId: mission.body.id, vin: VIN, make: 'Honda', model: 'Accord', year: 2024, kind: 'car' },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the mission-owned car to register' },
    );
    expect(vehicle.body.registration.status).toBe('pending-insurance');

    const csv = [
      HEADER,
      `issue,Acme Mutual,E2E-1,${VIN},${isoDate(-1)},${isoDate(364)},300000.00,,,`,
      `issue,Acme Mutual,E2E-2,1HGCM82633A004353,${isoDate(-1)},${isoDate(364)},300000.00,,,`,
      `issue,Acme Mutual,E2E-3,${VIN},${isoDate(-1)},${isoDate(364)},,100000.00,300000.00,99999.99`,
      '',
    ].join('\r\n');
    const accepted = await post(csv);
    expect(accepted.status).toBe(202);
    expect(accepted.headers.get('location')).toBe(`/api/v1/insurance-feeds/${accepted.body.id}`);
    expect(['pending', 'running', 'done']).toContain(accepted.body.status);

    const feed = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/insurance-feeds/${accepted.body.id}`, {
          token: officer,
        });
        return answer.status === 200 && answer.body.status === 'done' ? answer.body : undefined;
      },
      { timeoutMs: 30_000, what: 'the feed to be done' },
    );
    expect(feed).toMatchObject({
      id: accepted.body.id,
      status: 'done',
      rowsApplied: 1,
      rowsRefused: 2,
      errors: [
        { line: 3, field: 'vin', message: 'has a wrong check digit (position 9)' },
        { line: 4, field: 'propertyDamage', message: 'must be at least 100000.00 USD for a car' },
      ],
    });
    const insured = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.body.id}`, { token: officer });
    expect(insured.body.registration.status).toBe('active');

    const again = await post(csv);
    expect({ status: again.status, id: again.body.id, rowsApplied: again.body.rowsApplied }).toEqual({
      status: 202,
      id: accepted.body.id,
      rowsApplied: 1,
    });
    const policies = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.body.id}/insurance`, {
      token: officer,
    });
    expect(policies.body.items.map((p: { policyNumber: string }) => p.policyNumber)).toEqual(['E2E-1']);
  }, 90_000);

  it('refuses a mission user, JSON, an empty body and a body over the route limit, as problem+json', async () => {
    const missionUser = await platform.issuer.token({ sub: 'mu-1', roles: ['mission-user'], mission_id: 'x' });
    expect((await post(`${HEADER}\n`, missionUser)).status).toBe(403);
    const json = await post('{}', officer, 'application/json');
    expect(json).toMatchObject({ status: 415, body: { status: 415 } });
    const tooLarge = await post(Buffer.alloc(32 * 1024 * 1024 + 1, 'a'));
    expect(tooLarge).toMatchObject({
      status: 413,
      body: { detail: 'The request body is larger than the 33554432 bytes this route takes' },
    });
    const auditor = await platform.issuer.token({ sub: 'aud-1', roles: ['auditor'] });
    const unknown = await api(platform.baseUrl, 'GET', '/api/v1/insurance-feeds/6f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c', {
      token: auditor,
    });
    expect(unknown.status).toBe(404);
  }, 60_000);
});
