import { Client } from 'pg';
import { api, embassyOfFrance, startPlatform, waitFor, type RunningPlatform } from '@ofm/testing';

// Registration through the gateway (docs/domain/vehicles.md): a consular post's own car gets C plates
// but an honorary consular post's does not (its head is a U.S. citizen or permanent resident, outside
// the program), and a registration may carry its first title entry, recorded with it in one go.
describe('registering a vehicle: who gets plates, and the title it carries', () => {
  let platform: RunningPlatform;
  let officer: string;

  // European VINs (W…) carry no check digit; one per vehicle, as a VIN is unique while registered.
  const vin = (n: number) => `WVWZZZ1KZAW${String(n).padStart(6, '0')}`;
  const missionCar = (ownerMissionId: string, n: number, extra: Record<string, unknown> = {}) => ({
    ownerMissionId,
    vin: vin(n),
    make: 'Peugeot',
    model: '508',
    year: 2024,
    kind: 'car',
    ...extra,
  });
  const post = (path: string, body: unknown) => api(platform.baseUrl, 'POST', path, { token: officer, body });
  // Vehicles learns of a mission over Kafka: until then the mission is unknown there (404).
  const registerOnceKnown = (body: unknown) =>
    waitFor(
      async () => {
        const answer = await post('/api/v1/vehicles', body);
        return answer.status === 404 ? undefined : answer;
      },
      { timeoutMs: 30_000, what: 'the vehicles service to know the mission' },
    );
  const mission = async (fields: Record<string, unknown>): Promise<string> => {
    const created = await post('/api/v1/missions', { ...embassyOfFrance, ...fields });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };

  beforeAll(async () => {
    platform = await startPlatform('vehicles-registration');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it("gives a consular post's car C plates and refuses an honorary consular post's, naming the rule", async () => {
    const consulate = await mission({
      name: 'Consulate General of France in Washington',
      type: 'consular-post',
      consularClass: 'consulate-general',
    });
    const career = await registerOnceKnown(missionCar(consulate, 1));
    expect(career.status).toBe(201);
    expect(career.body.plate).toMatch(/^C[A-Z]{2}\d{4}$/);

    const honorary = await mission({
      name: 'Honorary Consulate of France in Richmond',
      type: 'honorary-consular-post',
    });
    const refused = await registerOnceKnown(missionCar(honorary, 2));
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({
      rule: 'mission-not-eligible',
      detail: expect.stringContaining('honorary consular officers must be U.S. citizens or permanent residents'),
    });
  });

  it('records the title given with the registration, in its answer and audit', async () => {
    const embassy = await mission({ name: 'Embassy of France (title)' });
    const registered = await registerOnceKnown(
      missionCar(embassy, 3, { title: { role: 'lessor', holder: '  Société Générale Leasing ' } }),
    );
    expect(registered.status).toBe(201);
    expect(registered.body.titles).toEqual([
      {
        id: expect.any(String),
        role: 'lessor',
        holder: 'Société Générale Leasing',
        recordedOn: registered.body.registration.registeredOn,
        releasedOn: null,
      },
    ]);
    const read = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${registered.body.id}`, { token: officer });
    expect(read.body.titles).toEqual(registered.body.titles);

    // The title service's rule holds after it: the ledger has no owner yet, then it has one.
    const owner = await post(`/api/v1/vehicles/${registered.body.id}/titles`, { role: 'owner', holder: 'France' });
    expect(owner.status).toBe(200);
    const second = await post(`/api/v1/vehicles/${registered.body.id}/titles`, { role: 'owner', holder: 'France' });
    expect(second.body.rule).toBe('title-owner-recorded');

    const db = new Client({ connectionString: platform.databases['vehicles']!.url });
    await db.connect();
    try {
      const { rows } = await db.query(
        `SELECT after->'title'->>'role' AS role, after->'title'->>'holder' AS holder FROM audit_record
          WHERE action = 'vehicle.registered' AND entity_id = $1`,
        [registered.body.id],
      );
      expect(rows).toEqual([{ role: 'lessor', holder: 'Société Générale Leasing' }]);
    } finally {
      await db.end();
    }
  });

  it('refuses a title that breaks its declared rules, naming the field, and registers nothing', async () => {
    const embassy = await mission({ name: 'Embassy of France (bad title)' });
    await registerOnceKnown(missionCar(embassy, 4));
    const bad = await post('/api/v1/vehicles', missionCar(embassy, 5, { title: { role: 'landlord', holder: '' } }));
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const fields = new Set((bad.body.errors as Array<{ field: string }>).map((e) => e.field));
    expect([...fields].sort()).toEqual(['title.holder', 'title.role']);
    const missing = await post('/api/v1/vehicles', missionCar(embassy, 5, { title: { holder: 'Bank' } }));
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual({ field: 'title.role', message: expect.stringContaining('required') });
    const listed = await api(platform.baseUrl, 'GET', `/api/v1/vehicles?missionId=${embassy}`, { token: officer });
    expect(listed.body.items.map((v: { vin: string }) => v.vin)).toEqual([vin(4)]);
  });
});
