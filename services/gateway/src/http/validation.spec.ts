import { startTestGateway, type TestGateway } from '../gateway.spec-helper';

const MISSION_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';

const validMission = () => ({
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9137, lon: -77.0779 },
});

const missionAnswer = (over: object = {}) => ({
  mission: {
    id: MISSION_ID,
    name: 'Embassy of France',
    country: 'FR',
    type: 'embassy',
    consularClass: '',
    address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
    location: { lat: 38.9137, lon: -77.0779 },
    status: 'active',
    regionalOffice: 'Washington',
    consularDistrict: '',
    version: 1,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
    ...over,
  },
});

describe('request validation (400 problem+json naming the field)', () => {
  let gw: TestGateway;
  let admin: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    admin = await gw.token({ sub: 'admin-1', roles: ['ofm-admin'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => jest.clearAllMocks());

  const post = (url: string, body: unknown) => gw.request('POST', url, { token: admin, body });
  // The fields named (a field may fail several constraints, each its own entry).
  const fields = (res: { body: { errors?: { field: string }[] } }) =>
    [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();

  it('accepts a valid mission and answers 201 with Location, ETag and the resource', async () => {
    gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
    const res = await post('/api/v1/missions', validMission());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/missions/${MISSION_ID}`);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body).toMatchObject({
      id: MISSION_ID,
      status: 'active',
      regionalOffice: 'Washington',
      version: 1,
      consularClass: null,
    });
    expect(gw.downstream.missions.registerMission).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Embassy of France', consularClass: '', address: validMission().address }),
      { subject: 'admin-1', roles: ['ofm-admin'] },
    );
  });

  it('names each missing or malformed field, nested ones with their path', async () => {
    const res = await post('/api/v1/missions', {
      ...validMission(),
      country: 'France',
      type: 'palace',
      address: { line1: '', city: 'Washington', state: 'DC', postalCode: 'x' },
      location: { lat: 91, lon: 0 },
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://ofm.state.gov/problems/validation',
      title: 'Invalid request',
      status: 400,
    });
    expect(fields(res)).toEqual(['address.line1', 'address.postalCode', 'country', 'location.lat', 'type']);
    expect(gw.downstream.missions.registerMission).not.toHaveBeenCalled();
  });

  it('names a missing required field', async () => {
    const { name: _name, ...withoutName } = validMission();
    const res = await post('/api/v1/missions', withoutName);
    expect(res.status).toBe(400);
    expect(fields(res)).toContain('name');
  });

  it('rejects an unknown field, naming it ("property x should not exist")', async () => {
    const res = await post('/api/v1/missions', { ...validMission(), ambassador: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'ambassador', message: 'property ambassador should not exist' }]);
  });

  it('rejects an unknown nested field with its path', async () => {
    const res = await post('/api/v1/missions', { ...validMission(), address: { ...validMission().address, floor: 3 } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'address.floor', message: 'property floor should not exist' }]);
  });

  it('rejects an unknown query parameter', async () => {
    const res = await gw.request('GET', '/api/v1/missions?colour=blue', { token: admin });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['colour']);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=ten', 'limit'],
    ['country=fr', 'country'],
    ['type=castle', 'type'],
    ['status=open', 'status'],
  ])('rejects the list query %s', async (query, field) => {
    const res = await gw.request('GET', `/api/v1/missions?${query}`, { token: admin });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual([field]);
  });

  it('passes limit and cursor to the service and answers {items, nextCursor}', async () => {
    gw.downstream.missions.listMissions.mockResolvedValueOnce({
      missions: [missionAnswer().mission],
      nextCursor: 'abc',
    });
    const res = await gw.request('GET', '/api/v1/missions?limit=1&cursor=xyz&country=FR', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [{ id: MISSION_ID }], nextCursor: 'abc' });
    expect(gw.downstream.missions.listMissions).toHaveBeenCalledWith(
      { page: { limit: 1, cursor: 'xyz' }, country: 'FR', type: '', status: '' },
      expect.anything(),
    );
  });

  it('defaults the page size to 50 and answers nextCursor null on the last page', async () => {
    gw.downstream.missions.listMissions.mockResolvedValueOnce({ missions: [], nextCursor: '' });
    const res = await gw.request('GET', '/api/v1/missions', { token: admin });
    expect(res.body).toEqual({ items: [], nextCursor: null });
    expect(gw.downstream.missions.listMissions).toHaveBeenCalledWith(
      expect.objectContaining({ page: { limit: 50, cursor: '' } }),
      expect.anything(),
    );
  });

  it('answers malformed JSON with 400 problem+json, not 500', async () => {
    const res = await gw.request('POST', '/api/v1/missions', {
      token: admin,
      payload: '{"name": "Embassy',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, type: expect.stringContaining('/problems/') });
  });

  it('answers a missing body with 400 naming the required fields', async () => {
    const res = await gw.request('POST', '/api/v1/missions', { token: admin });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(fields(res)).toEqual(expect.arrayContaining(['name', 'country', 'type']));
  });

  it.each([['[]'], ['"a string"'], ['42'], ['null']])(
    'answers a JSON body that is not an object (%s) with 400',
    async (payload) => {
      const res = await gw.request('POST', '/api/v1/missions', {
        token: admin,
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    },
  );

  it('answers a body of another media type with 415 problem+json', async () => {
    const res = await gw.request('POST', '/api/v1/missions', {
      token: admin,
      payload: '<mission/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it.each(['/api/v1/missions/123', '/api/v1/members/not-a-uuid', '/api/v1/vehicles/3f1c2a9e7b4d4c1e9a2b5d6e7f8a9b0c'])(
    'answers a path id that is not a UUID (%s) with 400 naming id',
    async (url) => {
      const res = await gw.request('GET', url, { token: admin });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    },
  );

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await gw.request('GET', '/api/v1/nothing-here', { token: admin });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  describe('members', () => {
    const appointment = () => ({
      missionId: MISSION_ID,
      givenName: 'Claire',
      familyName: 'Moreau',
      dateOfBirth: '1974-03-18',
      nationality: 'FR',
      category: 'diplomatic-agent',
      title: 'Minister-Counselor',
      visaClass: 'A-1',
      passportType: 'diplomatic',
      arrivalDate: '2026-11-14',
      usCitizenOrPermanentResident: false,
      weeklyHours: 40,
      transferPolicyAttested: true,
    });

    it('names impossible dates, wrong enumerations and types', async () => {
      const res = await post('/api/v1/members', {
        ...appointment(),
        dateOfBirth: '1974-02-30',
        arrivalDate: '14/11/2026',
        visaClass: 'B-2',
        weeklyHours: 'forty',
        usCitizenOrPermanentResident: 'no',
      });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual([
        'arrivalDate',
        'dateOfBirth',
        'usCitizenOrPermanentResident',
        'visaClass',
        'weeklyHours',
      ]);
    });

    it('asks a dependent for its principal and relationship', async () => {
      const res = await post('/api/v1/members', { ...appointment(), category: 'dependent' });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['principalId', 'relationship']);
    });

    it('needs missionId from OFM staff', async () => {
      const { missionId: _m, ...body } = appointment();
      const res = await post('/api/v1/members', body);
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['missionId']);
    });

    it('validates the accreditation decision and the termination body', async () => {
      const id = MISSION_ID;
      expect(fields(await post(`/api/v1/members/${id}/accreditation`, { decision: 'refuse' }))).toEqual(['decision']);
      expect(fields(await post(`/api/v1/members/${id}/termination`, { effectiveDate: 'soon', reason: '' }))).toEqual([
        'effectiveDate',
        'reason',
      ]);
      expect(
        fields(
          await post(`/api/v1/members/${id}/termination`, {
            effectiveDate: '2026-12-01',
            reason: 'end of post',
            departureDate: 'x',
          }),
        ),
      ).toEqual(['departureDate']);
    });

    it('refuses an If-Match that is not a version', async () => {
      const res = await gw.request('POST', `/api/v1/members/${MISSION_ID}/accreditation`, {
        token: admin,
        body: { decision: 'accredit' },
        headers: { 'if-match': 'abc' },
      });
      expect(res.status).toBe(400);
      expect(fields(res)).toEqual(['If-Match']);
    });
  });

  describe('vehicles and insurance', () => {
    const vehicle = () => ({
      ownerMissionId: MISSION_ID,
      vin: '1HGCM82633A004352',
      make: 'Honda',
      model: 'Accord',
      year: 2024,
      kind: 'car',
    });
    const policy = () => ({
      insurer: 'GEICO',
      policyNumber: 'P-1',
      effectiveDate: '2026-11-01',
      expirationDate: '2027-10-31',
      combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
    });

    it('names a bad VIN, kind and year', async () => {
      const res = await post('/api/v1/vehicles', { ...vehicle(), vin: 'IOQ', kind: 'truck', year: 1700.5 });
      expect(fields(res)).toEqual(['kind', 'vin', 'year']);
    });

    it('asks for an owner when neither owner is given', async () => {
      const { ownerMissionId: _o, ...noOwner } = vehicle();
      expect(fields(await post('/api/v1/vehicles', noOwner))).toEqual(['ownerMemberId', 'ownerMissionId']);
    });

    it('names money objects field by field', async () => {
      const res = await post(`/api/v1/vehicles/${MISSION_ID}/insurance`, {
        ...policy(),
        combinedSingleLimit: { amount: 300000, currency: 'usd' },
      });
      expect(fields(res)).toEqual(['combinedSingleLimit.amount', 'combinedSingleLimit.currency']);
    });

    it('asks for the split limits when there is no combined single limit', async () => {
      const { combinedSingleLimit: _c, ...split } = policy();
      const res = await post(`/api/v1/vehicles/${MISSION_ID}/insurance`, {
        ...split,
        bodilyInjuryPerPerson: { amount: '100000.00', currency: 'USD' },
      });
      expect(fields(res)).toEqual(['bodilyInjuryPerAccident', 'propertyDamage']);
    });

    it('names a proof of insurance that is not binder, certificate or declarations-page', async () => {
      const res = await post(`/api/v1/vehicles/${MISSION_ID}/insurance`, { ...policy(), proofType: 'letter' });
      expect(fields(res)).toEqual(['proofType']);
    });

    it('forwards the proof type and If-Match to the vehicles service and answers the proof type', async () => {
      const vehicleId = '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
      gw.downstream.vehicles.addInsurancePolicy.mockResolvedValueOnce({
        policy: {
          id: MISSION_ID,
          vehicleId,
          ...policy(),
          proofType: 'certificate',
          createdAt: '2026-11-28T10:00:00.000Z',
        },
        vehicle: {
          id: vehicleId,
          missionId: MISSION_ID,
          ownerMissionId: MISSION_ID,
          vin: '1HGCM82633A004352',
          kind: 'car',
          plate: 'DEA0001',
          registration: { status: 'active' },
          insuranceStatus: 'insured',
          version: 4,
        },
      });
      const res = await gw.request('POST', `/api/v1/vehicles/${vehicleId}/insurance`, {
        token: admin,
        body: { ...policy(), proofType: 'certificate' },
        headers: { 'if-match': '"3"' },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ proofType: 'certificate', vehicle: { version: 4 } });
      expect(gw.downstream.vehicles.addInsurancePolicy).toHaveBeenLastCalledWith(
        expect.objectContaining({ vehicleId, proofType: 'certificate', expectedVersion: 3 }),
        expect.anything(),
      );
    });

    it('sends an unstated proof type and no If-Match as the proto defaults', async () => {
      const vehicleId = '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0e';
      gw.downstream.vehicles.addInsurancePolicy.mockResolvedValueOnce({
        policy: { id: MISSION_ID, vehicleId, ...policy(), proofType: '', createdAt: '2026-11-28T10:00:00.000Z' },
        vehicle: { id: vehicleId, missionId: MISSION_ID, registration: { status: 'active' }, version: 2 },
      });
      const res = await post(`/api/v1/vehicles/${vehicleId}/insurance`, policy());
      expect(res.status).toBe(201);
      expect(res.body.proofType).toBeNull();
      expect(gw.downstream.vehicles.addInsurancePolicy).toHaveBeenLastCalledWith(
        expect.objectContaining({ proofType: '', expectedVersion: 0 }),
        expect.anything(),
      );
    });
  });

  describe('verification query', () => {
    it('needs exactly one of idCard and plate', async () => {
      const officer = await gw.token({ sub: 'cop', roles: ['law-enforcement'] });
      const none = await gw.request('GET', '/api/v1/verify', { token: officer });
      expect(none.status).toBe(400);
      expect(fields(none)).toEqual(['idCard']);
      const both = await gw.request('GET', '/api/v1/verify?idCard=1&plate=D', { token: officer });
      expect(both.status).toBe(400);
      expect(fields(both)).toEqual(['plate']);
    });
  });
});
