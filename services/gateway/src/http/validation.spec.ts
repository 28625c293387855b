import { callOf, requestIdOf, startTestGateway, type TestGateway } from '../gateway.spec-helper';

// The REST rules are the proto's (request-binding.ts derives them); these tests go through the real
// app and check what a client sees: 400 problem+json naming each field by its dotted path, and what
// the service is sent when the request is valid.

const MISSION_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const VEHICLE_ID = '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const POLICY_ID = '9c3a1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b';

const validMission = () => ({
  name: 'Embassy of France',
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9137, lon: -77.0779 },
});

// A mission as the service answers it (ts-proto: an unset optional field is undefined).
const missionMessage = (over: object = {}) => ({
  id: MISSION_ID,
  ...validMission(),
  status: 'active',
  regionalOffice: 'Washington',
  version: 1,
  createdAt: '2026-11-28T10:00:00.000Z',
  updatedAt: '2026-11-28T10:00:00.000Z',
  ...over,
});

const money = (amount: string) => ({ amount, currency: 'USD' });

describe('request validation (400 problem+json naming the field)', () => {
  let gw: TestGateway;
  let admin: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    admin = await gw.token({ sub: 'admin-1', roles: ['ofm-admin'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => jest.clearAllMocks());

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    gw.request('POST', url, { token: admin, body, headers });
  const get = (url: string) => gw.request('GET', url, { token: admin });
  // The fields named (a field may break several rules, each its own entry).
  const fields = (res: { body: { errors?: { field: string }[] } }) =>
    [...new Set((res.body.errors ?? []).map((e) => e.field))].sort();
  const expectProblem = (res: { status: number; headers: Record<string, unknown>; body: any }, status = 400) => {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^https:\/\/ofm\.state\.gov\/problems\//) });
  };

  describe('missions', () => {
    it('sends a valid mission as given and answers 201 with Location, ETag and every field (null where unset)', async () => {
      gw.downstream.missions.registerMission.mockResolvedValueOnce({ mission: missionMessage() });
      const res = await post('/api/v1/missions', validMission());
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/missions/${MISSION_ID}`);
      expect(res.headers.etag).toBe('"1"');
      expect(res.body).toEqual({
        ...missionMessage(),
        consularClass: null,
        consularDistrict: null,
        recertification: null,
      });
      expect(callOf(gw.downstream.missions.registerMission)).toEqual({
        request: validMission(),
        actor: { subject: 'admin-1', roles: ['ofm-admin'] },
      });
      // Without Idempotency-Key the call is no command to run at most once: no request id.
      expect(requestIdOf(gw.downstream.missions.registerMission.mock.calls[0]![1])).toBeUndefined();
    });

    it('answers 503 to a POST with Idempotency-Key while its key cannot be checked, and asks no service', async () => {
      const res = await post('/api/v1/missions', validMission(), { 'idempotency-key': 'k-1' });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(gw.downstream.missions.registerMission).not.toHaveBeenCalled();
    });

    it('names each malformed field, nested ones with their dotted path, and asks the service nothing', async () => {
      const res = await post('/api/v1/missions', {
        ...validMission(),
        country: 'France',
        type: 'palace',
        address: { line1: '', city: 'Washington', state: 'DC', postalCode: 'x' },
        location: { lat: 91, lon: -77.0779 },
      });
      expectProblem(res);
      expect(res.body).toMatchObject({ type: 'https://ofm.state.gov/problems/validation', title: 'Invalid request' });
      expect(fields(res)).toEqual(['address.line1', 'address.postalCode', 'country', 'location.lat', 'type']);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'address.postalCode',
            message: 'address.postalCode must match ^[0-9]{5}(-[0-9]{4})?$ (e.g. "20007")',
          },
          { field: 'location.lat', message: 'location.lat must be ≤ 90' },
          { field: 'address.line1', message: 'address.line1 must not be empty' },
        ]),
      );
      expect(gw.downstream.missions.registerMission).not.toHaveBeenCalled();
    });

    it('names each missing field, nested ones with their path', async () => {
      const { name: _name, ...withoutName } = validMission();
      const res = await post('/api/v1/missions', { ...withoutName, address: { city: 'Washington', state: 'DC' } });
      expectProblem(res);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'name', message: 'name is required' },
          { field: 'address.line1', message: 'line1 is required' },
          { field: 'address.postalCode', message: 'postalCode is required' },
        ]),
      );
      expect(fields(res)).toEqual(['address.line1', 'address.postalCode', 'name']);
    });

    it('refuses a value of the wrong type', async () => {
      const res = await post('/api/v1/missions', { ...validMission(), location: { lat: '38.9', lon: -77 } });
      expect(res.body.errors).toEqual([{ field: 'location.lat', message: 'location.lat must be a number' }]);
    });

    it('rejects an unknown field, naming it ("property x should not exist")', async () => {
      const res = await post('/api/v1/missions', { ...validMission(), ambassador: 'X' });
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: 'ambassador', message: 'property ambassador should not exist' }]);
    });

    it('rejects an unknown nested field with its path', async () => {
      const res = await post('/api/v1/missions', {
        ...validMission(),
        address: { ...validMission().address, floor: 3 },
      });
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: 'address.floor', message: 'property floor should not exist' }]);
    });

    it('refuses a word that is not one of the vocabulary (consularClass)', async () => {
      const res = await post('/api/v1/missions', { ...validMission(), consularClass: 'embassy' });
      expect(res.body.errors).toEqual([
        {
          field: 'consularClass',
          message: 'consularClass must be one of consulate-general, consulate, vice-consulate, consular-agency',
        },
      ]);
    });
  });

  describe('list queries', () => {
    it('rejects an unknown query parameter', async () => {
      const res = await get('/api/v1/missions?colour=blue');
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: 'colour', message: 'property colour should not exist' }]);
    });

    it.each([
      ['limit=0', 'limit must be ≥ 1'],
      ['limit=501', 'limit must be ≤ 500'],
      ['limit=ten', 'limit must be a plain decimal integer, e.g. 50'],
      ['limit=1e2', 'limit must be a plain decimal integer, e.g. 50'],
      ['limit=0x10', 'limit must be a plain decimal integer, e.g. 50'],
      ['limit=1&limit=2', 'limit must be an integer'],
      ['cursor=', 'cursor must not be empty'],
    ])('rejects ?%s naming limit or cursor', async (query, message) => {
      const res = await get(`/api/v1/missions?${query}`);
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: query.split('=')[0], message }]);
      expect(gw.downstream.missions.listMissions).not.toHaveBeenCalled();
    });

    it.each([
      ['country=fr', 'country'],
      ['type=castle', 'type'],
      ['status=open', 'status'],
    ])('rejects the filter %s', async (query, field) => {
      const res = await get(`/api/v1/missions?${query}`);
      expectProblem(res);
      expect(fields(res)).toEqual([field]);
    });

    it('passes {page: {limit, cursor}, filters} to the service and answers {items, nextCursor}', async () => {
      gw.downstream.missions.listMissions.mockResolvedValueOnce({ missions: [missionMessage()], nextCursor: 'abc' });
      const res = await get('/api/v1/missions?limit=10&cursor=xyz&country=FR&type=embassy&status=active');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        items: [{ ...missionMessage(), consularClass: null, consularDistrict: null, recertification: null }],
        nextCursor: 'abc',
      });
      expect(callOf(gw.downstream.missions.listMissions).request).toEqual({
        page: { limit: 10, cursor: 'xyz' },
        country: 'FR',
        type: 'embassy',
        status: 'active',
      });
    });

    it('leaves the page size to the service (limit 0) and answers nextCursor null on the last page', async () => {
      gw.downstream.missions.listMissions.mockResolvedValueOnce({ missions: [], nextCursor: '' });
      const res = await get('/api/v1/missions');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
      expect(callOf(gw.downstream.missions.listMissions).request).toEqual({ page: { limit: 0, cursor: '' } });
    });

    it('takes the filters of the members and vehicles lists from their own requests', async () => {
      gw.downstream.members.listMembers.mockResolvedValueOnce({ members: [], nextCursor: '' });
      expect((await get(`/api/v1/members?missionId=${MISSION_ID}&status=accredited&category=dependent`)).status).toBe(
        200,
      );
      expect(callOf(gw.downstream.members.listMembers).request).toEqual({
        page: { limit: 0, cursor: '' },
        missionId: MISSION_ID,
        status: 'accredited',
        category: 'dependent',
      });
      expect(fields(await get('/api/v1/members?missionId=nope&status=gone'))).toEqual(['missionId', 'status']);
      expect(fields(await get('/api/v1/vehicles?ownerMemberId=nope&status=insured'))).toEqual([
        'ownerMemberId',
        'status',
      ]);
    });
  });

  describe('the body itself', () => {
    it('answers malformed JSON with 400 problem+json, not 500', async () => {
      const res = await gw.request('POST', '/api/v1/missions', {
        token: admin,
        payload: '{"name": "Embassy',
        headers: { 'content-type': 'application/json' },
      });
      expectProblem(res);
    });

    it('answers a missing body with 400 naming every required field', async () => {
      const res = await gw.request('POST', '/api/v1/missions', { token: admin });
      expectProblem(res);
      expect(fields(res)).toEqual(['address', 'country', 'location', 'name', 'type']);
    });

    it.each(['[]', '"a string"', '42', 'null'])(
      'answers a JSON body that is not an object (%s) with 400',
      async (payload) => {
        const res = await gw.request('POST', '/api/v1/missions', {
          token: admin,
          payload,
          headers: { 'content-type': 'application/json' },
        });
        expectProblem(res);
        expect(gw.downstream.missions.registerMission).not.toHaveBeenCalled();
      },
    );

    it('answers a body of another media type with 415 problem+json', async () => {
      const res = await gw.request('POST', '/api/v1/missions', {
        token: admin,
        payload: '<mission/>',
        headers: { 'content-type': 'application/xml' },
      });
      expectProblem(res, 415);
    });
  });

  describe('path parameters', () => {
    it.each([
      ['/api/v1/missions/123', 'id'],
      ['/api/v1/members/not-a-uuid', 'id'],
      ['/api/v1/vehicles/3f1c2a9e7b4d4c1e9a2b5d6e7f8a9b0c', 'id'],
      [`/api/v1/vehicles/x/insurance`, 'id'],
      [`/api/v1/vehicles/${VEHICLE_ID}/insurance/urn:uuid:${POLICY_ID}`, 'policyId'],
    ])('answers a path id that is not a UUID (%s) with 400 naming %s', async (url, param) => {
      const res = await get(url);
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: param, message: `${param} must be a UUID` }]);
    });

    it('binds path ids to the request fields of the route, lower-cased', async () => {
      gw.downstream.missions.getMission.mockResolvedValueOnce({ mission: missionMessage({ version: 7 }) });
      const res = await get(`/api/v1/missions/${MISSION_ID.toUpperCase()}`);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"7"');
      expect(callOf(gw.downstream.missions.getMission).request).toEqual({ id: MISSION_ID });

      gw.downstream.vehicles.getInsurancePolicy.mockResolvedValueOnce({
        policy: { id: POLICY_ID, vehicleId: VEHICLE_ID },
      });
      expect((await get(`/api/v1/vehicles/${VEHICLE_ID}/insurance/${POLICY_ID}`)).status).toBe(200);
      expect(callOf(gw.downstream.vehicles.getInsurancePolicy).request).toEqual({
        vehicleId: VEHICLE_ID,
        policyId: POLICY_ID,
      });
    });

    it('answers an unknown route with 404 problem+json', async () => {
      const res = await get('/api/v1/nothing-here');
      expectProblem(res, 404);
    });
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

    it('names dates that do not exist or are not ISO 8601, wrong words and wrong types', async () => {
      const res = await post('/api/v1/members', {
        ...appointment(),
        dateOfBirth: '2025-02-30',
        arrivalDate: '14/11/2026',
        visaClass: 'B-2',
        weeklyHours: 'forty',
        usCitizenOrPermanentResident: 'no',
      });
      expectProblem(res);
      expect(fields(res)).toEqual([
        'arrivalDate',
        'dateOfBirth',
        'usCitizenOrPermanentResident',
        'visaClass',
        'weeklyHours',
      ]);
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field: 'dateOfBirth', message: 'dateOfBirth must be an ISO 8601 date (YYYY-MM-DD) that exists' },
        ]),
      );
    });

    it('accepts 29 February of a leap year', async () => {
      gw.downstream.members.notifyAppointment.mockResolvedValueOnce({ member: { id: MISSION_ID, version: 1 } });
      const res = await post('/api/v1/members', { ...appointment(), dateOfBirth: '2024-02-29' });
      expect(res.status).toBe(201);
    });

    it('leaves missionId to the service (a mission user may leave it out) and sends the body as given', async () => {
      const { missionId: _m, ...body } = appointment();
      gw.downstream.members.notifyAppointment.mockResolvedValueOnce({ member: { id: MISSION_ID, version: 1 } });
      const res = await post('/api/v1/members', body);
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/members/${MISSION_ID}`);
      expect(callOf(gw.downstream.members.notifyAppointment).request).toEqual(body);
    });

    it('validates the accreditation decision and the termination body', async () => {
      const id = MISSION_ID;
      expect(fields(await post(`/api/v1/members/${id}/accreditation`, { decision: 'refuse' }))).toEqual(['decision']);
      expect(fields(await post(`/api/v1/members/${id}/accreditation`, {}))).toEqual(['decision']);
      expect(fields(await post(`/api/v1/members/${id}/termination`, { effectiveDate: 'soon', reason: '' }))).toEqual([
        'effectiveDate',
        'reason',
      ]);
      expect(
        fields(
          await post(`/api/v1/members/${id}/termination`, {
            effectiveDate: '2026-12-01',
            reason: 'end of post',
            departureDate: '2026-13-01',
          }),
        ),
      ).toEqual(['departureDate']);
      // The path and the If-Match header are not body fields.
      expect(fields(await post(`/api/v1/members/${id}/accreditation`, { decision: 'accredit', id }))).toEqual(['id']);
      expect(
        fields(await post(`/api/v1/members/${id}/accreditation`, { decision: 'accredit', expectedVersion: 3 })),
      ).toEqual(['expectedVersion']);
      expect(gw.downstream.members.accreditMember).not.toHaveBeenCalled();
      expect(gw.downstream.members.terminateMember).not.toHaveBeenCalled();
    });
  });

  describe('If-Match', () => {
    const accredit = (ifMatch?: string) =>
      post(
        `/api/v1/members/${MISSION_ID}/accreditation`,
        { decision: 'accredit' },
        ifMatch === undefined ? {} : { 'if-match': ifMatch },
      );

    beforeEach(() => {
      gw.downstream.members.accreditMember.mockResolvedValue({
        member: { id: MISSION_ID, status: 'accredited', version: 4 },
      });
    });

    it.each([
      ['"3"', 3],
      [undefined, 0],
      ['*', 0],
    ])('sends If-Match %j as expectedVersion %s', async (ifMatch, expectedVersion) => {
      const res = await accredit(ifMatch);
      expect(res.status).toBe(200);
      expect(res.headers.etag).toBe('"4"');
      expect(callOf(gw.downstream.members.accreditMember).request).toEqual({
        id: MISSION_ID,
        decision: 'accredit',
        expectedVersion,
      });
    });

    it.each(['W/"3"', 'abc', '"0"', '"1", "2"'])('refuses If-Match %j with 400 naming If-Match', async (ifMatch) => {
      const res = await accredit(ifMatch);
      expectProblem(res);
      expect(res.body.errors).toEqual([
        { field: 'If-Match', message: 'If-Match must be the strong ETag of the resource, e.g. "3"' },
      ]);
      expect(gw.downstream.members.accreditMember).not.toHaveBeenCalled();
    });

    it('names a bad If-Match together with the bad body fields', async () => {
      const res = await post(`/api/v1/members/${MISSION_ID}/termination`, { reason: 'x' }, { 'if-match': 'W/"3"' });
      expect(fields(res)).toEqual(['If-Match', 'effectiveDate']);
    });
  });

  describe('vehicles and insurance', () => {
    const vehicle = () => ({ vin: '1HGCM82633A004352', make: 'Honda', model: 'Accord', year: 2024, kind: 'car' });
    const policy = () => ({
      insurer: 'GEICO',
      policyNumber: 'P-1',
      effectiveDate: '2026-11-01',
      expirationDate: '2027-10-31',
    });
    const split = () => ({
      bodilyInjuryPerPerson: money('100000.00'),
      bodilyInjuryPerAccident: money('300000.00'),
      propertyDamage: money('50000.00'),
    });
    const OWNER_RULE = { field: 'ownerMemberId', message: 'give exactly one of ownerMemberId, ownerMissionId' };
    const LIMITS_RULE = {
      field: 'combinedSingleLimit',
      message:
        'give either combinedSingleLimit, or bodilyInjuryPerPerson + bodilyInjuryPerAccident + propertyDamage (and nothing of the other)',
    };
    const addInsurance = (body: object, headers: Record<string, string> = {}) =>
      post(`/api/v1/vehicles/${VEHICLE_ID}/insurance`, body, headers);

    it('names a bad VIN, kind and year', async () => {
      const res = await post('/api/v1/vehicles', {
        ...vehicle(),
        ownerMissionId: MISSION_ID,
        vin: 'IOQ',
        kind: 'truck',
        year: 1700.5,
      });
      expect(fields(res)).toEqual(['kind', 'vin', 'year']);
    });

    it.each([
      ['neither owner', {}],
      ['both owners', { ownerMemberId: MISSION_ID, ownerMissionId: MISSION_ID }],
    ])('refuses %s, naming ownerMemberId with the rule', async (_what, owners) => {
      const res = await post('/api/v1/vehicles', { ...vehicle(), ...owners });
      expectProblem(res);
      expect(res.body.errors).toEqual([OWNER_RULE]);
      expect(gw.downstream.vehicles.registerVehicle).not.toHaveBeenCalled();
    });

    it('takes either owner and answers the vehicle with its Location', async () => {
      for (const owner of [{ ownerMemberId: MISSION_ID }, { ownerMissionId: MISSION_ID }]) {
        gw.downstream.vehicles.registerVehicle.mockResolvedValueOnce({
          vehicle: { id: VEHICLE_ID, ...owner, version: 1 },
        });
        const res = await post('/api/v1/vehicles', { ...vehicle(), ...owner });
        expect(res.status).toBe(201);
        expect(res.headers.location).toBe(`/api/v1/vehicles/${VEHICLE_ID}`);
        expect(res.body).toMatchObject({ ownerMemberId: null, ownerMissionId: null, registration: null, ...owner });
        expect(callOf(gw.downstream.vehicles.registerVehicle).request).toEqual({ ...vehicle(), ...owner });
      }
    });

    it('names money objects field by field', async () => {
      const res = await addInsurance({ ...policy(), combinedSingleLimit: { amount: 300000, currency: 'usd' } });
      expect(fields(res)).toEqual(['combinedSingleLimit.amount', 'combinedSingleLimit.currency']);
    });

    it.each([
      ['no limits at all', {}],
      ['a combined single limit and split limits', { combinedSingleLimit: money('300000.00'), ...split() }],
      [
        'a combined single limit and one split limit',
        { combinedSingleLimit: money('300000.00'), propertyDamage: money('1.00') },
      ],
      ['part of the split limits', { bodilyInjuryPerPerson: money('100000.00') }],
    ])('refuses %s (combined single limit XOR the three split limits)', async (_what, limits) => {
      const res = await addInsurance({ ...policy(), ...limits });
      expectProblem(res);
      expect(res.body.errors).toEqual([LIMITS_RULE]);
      expect(gw.downstream.vehicles.addInsurancePolicy).not.toHaveBeenCalled();
    });

    it('names a proof of insurance that is not binder, certificate or declarations-page', async () => {
      const res = await addInsurance({ ...policy(), combinedSingleLimit: money('300000.00'), proofType: 'letter' });
      expect(fields(res)).toEqual(['proofType']);
    });

    it('refuses an expiration date that does not exist', async () => {
      const res = await addInsurance({ ...policy(), expirationDate: '2027-02-29', combinedSingleLimit: money('1.00') });
      expect(res.body.errors).toEqual([
        { field: 'expirationDate', message: 'expirationDate must be an ISO 8601 date (YYYY-MM-DD) that exists' },
      ]);
    });

    it('sends split limits, the proof type and If-Match to the vehicles service and answers the policy with its vehicle', async () => {
      gw.downstream.vehicles.addInsurancePolicy.mockResolvedValueOnce({
        policy: { id: POLICY_ID, vehicleId: VEHICLE_ID, ...policy(), ...split(), proofType: 'certificate' },
        vehicle: {
          id: VEHICLE_ID,
          ownerMissionId: MISSION_ID,
          plate: 'DEA0001',
          registration: { status: 'active' },
          version: 4,
        },
      });
      const res = await addInsurance({ ...policy(), ...split(), proofType: 'certificate' }, { 'if-match': '"3"' });
      expect(res.status).toBe(201);
      expect(res.headers.location).toBe(`/api/v1/vehicles/${VEHICLE_ID}/insurance/${POLICY_ID}`);
      expect(res.body).toMatchObject({
        id: POLICY_ID,
        proofType: 'certificate',
        combinedSingleLimit: null,
        propertyDamage: money('50000.00'),
        vehicle: { id: VEHICLE_ID, version: 4, ownerMemberId: null, registration: { status: 'active', expiresOn: '' } },
      });
      expect(callOf(gw.downstream.vehicles.addInsurancePolicy).request).toEqual({
        vehicleId: VEHICLE_ID,
        ...policy(),
        ...split(),
        proofType: 'certificate',
        expectedVersion: 3,
      });
    });

    it('answers an unstated proof type as null and sends no If-Match as expectedVersion 0', async () => {
      gw.downstream.vehicles.addInsurancePolicy.mockResolvedValueOnce({
        policy: { id: POLICY_ID, vehicleId: VEHICLE_ID, ...policy(), combinedSingleLimit: money('300000.00') },
        vehicle: { id: VEHICLE_ID, version: 2 },
      });
      const res = await addInsurance({ ...policy(), combinedSingleLimit: money('300000.00') });
      expect(res.status).toBe(201);
      expect(res.body.proofType).toBeNull();
      expect(callOf(gw.downstream.vehicles.addInsurancePolicy).request).toEqual({
        vehicleId: VEHICLE_ID,
        ...policy(),
        combinedSingleLimit: money('300000.00'),
        expectedVersion: 0,
      });
    });
  });

  describe('verification query', () => {
    let officer: string;
    beforeAll(async () => {
      officer = await gw.token({ sub: 'cop', roles: ['law-enforcement'] });
    });

    it.each(['', '?idCard=D1&plate=DAB1234'])('needs exactly one of idCard and plate (%j)', async (query) => {
      const res = await gw.request('GET', `/api/v1/verify${query}`, { token: officer });
      expectProblem(res);
      expect(res.body.errors).toEqual([{ field: 'idCard', message: 'give exactly one of idCard, plate, licence' }]);
    });

    it('checks the card number and the plate against their patterns', async () => {
      const card = await gw.request('GET', '/api/v1/verify?idCard=D%2F1', { token: officer });
      expect(fields(card)).toEqual(['idCard']);
      const plate = await gw.request('GET', `/api/v1/verify?plate=${'A'.repeat(17)}`, { token: officer });
      expect(plate.body.errors).toEqual([{ field: 'plate', message: 'plate must be at most 16 characters' }]);
    });
  });
});
