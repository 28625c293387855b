import { startTestGateway, type TestGateway } from '../gateway.spec-helper';

// The reciprocity routes' request checks, through the real app with fake services: what a client
// sees (428 without If-Match, 400 naming the field) and what the service is sent.

const AGREEMENT_ID = '5b1e9c3a-7d2f-4a6b-9c8d-1e2f3a4b5c6d';

// A profile as GET answers it: every field, agreementId null where no agreement brought the version.
const answeredProfile = (over: object = {}) => ({
  country: 'FR',
  version: 1,
  effectiveFrom: '1961-04-18',
  source: 'default: the Vienna Conventions baseline, no reciprocity information recorded',
  propertyPurchase: 'allowed',
  taxRelief: 'full',
  dutyFreeEntry: 'full',
  taxFreeVehiclesPerMember: 1,
  vehicleDispositionSurcharge: false,
  sameSexSpouseAccreditation: 'denied',
  fuelAndUtilityExemption: false,
  consularBilateralAgreement: false,
  travelControls: 'none',
  travelRadiusMiles: 25,
  travelLeadTimeHours: 48,
  travelCategories: [],
  engagementNotices: false,
  agreementId: null,
  recordedBy: 'default',
  recordedAt: '2026-11-28T10:00:00.000Z',
  ...over,
});
const READ_ONLY = { version: 1, agreementId: null, recordedBy: 'default', recordedAt: '2026-11-28T10:00:00.000Z' };
const { version: _v, agreementId: _a, recordedBy: _b, recordedAt: _t, ...content } = answeredProfile();

describe('reciprocity routes', () => {
  let gw: TestGateway;
  let admin: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    admin = await gw.token({ sub: 'admin-1', roles: ['ofm-admin'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => jest.clearAllMocks());

  const put = (body: unknown, headers: Record<string, string> = {}, url = '/api/v1/countries/FR/reciprocity') =>
    gw.request('PUT', url, { token: admin, body, headers });

  it('requires If-Match on PUT (428), before the body is checked', async () => {
    const res = await put({ nonsense: true });
    expect(res.status).toBe(428);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 428, detail: expect.stringContaining('If-Match is required') });
    expect(gw.downstream.reciprocity.updateProfile).not.toHaveBeenCalled();
  });

  it('refuses If-Match * on PUT: a profile is replaced knowing which version it replaces', async () => {
    const res = await put(answeredProfile(), { 'if-match': '*' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
  });

  it('takes the profile as GET answers it and sends it, without its read-only fields, as the profile', async () => {
    gw.downstream.reciprocity.updateProfile.mockResolvedValueOnce({
      profile: { ...answeredProfile(), version: 2, agreementId: undefined },
    });
    const res = await put(answeredProfile({ taxRelief: 'restricted' }), { 'if-match': '"1"' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.body).toMatchObject({ version: 2, agreementId: null });
    const [request] = gw.downstream.reciprocity.updateProfile.mock.calls[0]!;
    expect(request).toEqual({ country: 'FR', expectedVersion: 1, profile: { ...content, taxRelief: 'restricted' } });
    expect(Object.keys(request.profile)).not.toEqual(expect.arrayContaining(Object.keys(READ_ONLY)));
  });

  it('names the profile fields that break the proto rules, and a path that is not a country', async () => {
    const bad = await put(answeredProfile({ propertyPurchase: 'sometimes', travelRadiusMiles: 0 }), {
      'if-match': '"1"',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'propertyPurchase',
      'travelRadiusMiles',
    ]);
    const path = await put(answeredProfile(), { 'if-match': '"1"' }, '/api/v1/countries/ZZ/reciprocity');
    expect(path.status).toBe(400);
    expect(path.body.errors).toEqual([expect.objectContaining({ field: 'iso2' })]);
    expect(gw.downstream.reciprocity.updateProfile).not.toHaveBeenCalled();
  });

  it('takes asOf as a day on GET and the measures', async () => {
    const bad = await gw.request('GET', '/api/v1/reciprocity/measures?asOf=yesterday', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    gw.downstream.reciprocity.getProfile.mockResolvedValueOnce({ profile: answeredProfile() });
    const res = await gw.request('GET', '/api/v1/countries/FR/reciprocity?asOf=2020-01-01', { token: admin });
    expect(res.status).toBe(200);
    expect(gw.downstream.reciprocity.getProfile.mock.calls[0]![0]).toEqual({ country: 'FR', asOf: '2020-01-01' });
  });

  it('requires If-Match on an agreement status change, and drops the read-only fields of the profile it brings', async () => {
    const url = `/api/v1/agreements/${AGREEMENT_ID}/status`;
    const body = { status: 'in-force', on: '2026-11-01', profile: answeredProfile() };
    expect((await gw.request('POST', url, { token: admin, body })).status).toBe(428);
    gw.downstream.reciprocity.changeAgreementStatus.mockResolvedValueOnce({
      agreement: { id: AGREEMENT_ID, country: 'FR', status: 'in-force', version: 4, documents: [] },
    });
    const res = await gw.request('POST', url, { token: admin, body, headers: { 'if-match': '"3"' } });
    expect(res.status).toBe(200);
    expect(gw.downstream.reciprocity.changeAgreementStatus.mock.calls[0]![0]).toMatchObject({
      id: AGREEMENT_ID,
      status: 'in-force',
      expectedVersion: 3,
      profile: content,
    });
  });
});
