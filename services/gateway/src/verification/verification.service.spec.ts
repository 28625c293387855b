import { ClientError, Status } from 'nice-grpc';
import { callOf, startTestGateway, type TestGateway } from '../gateway.spec-helper';
import { VerificationAuditEntity } from './verification-audit.entity';

// GET /api/v1/verify: the gateway asks the service that owns the card (accreditation) or the plate
// (vehicles) with the officer's own identity, gives its verification as it is, and audits it first.

const GUIDANCE = {
  arrest: 'May not be arrested or detained',
  residenceInviolable: 'Residence is inviolable',
  prosecution: 'May not be prosecuted',
  ticket: 'May be issued a traffic citation',
};
const CHECKED_AT = '2026-11-28T15:00:00.000Z';

// Every field of the answer, null where the service left it unset.
const NOTHING = {
  name: null,
  mission: null,
  country: null,
  category: null,
  immunityLevel: null,
  guidance: null,
  immunityEndsOn: null,
  plate: null,
  registration: null,
  insuranceStatus: null,
  note: null,
  licence: null,
  vehicle: null,
};

describe('verification (GET /api/v1/verify)', () => {
  let gw: TestGateway;
  let cop: string;

  beforeAll(async () => {
    gw = await startTestGateway();
    cop = await gw.token({ sub: 'officer-12', roles: ['law-enforcement'] });
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    jest.clearAllMocks();
    gw.db.reset();
  });

  const verify = (query: string) => gw.request('GET', `/api/v1/verify?${query}`, { token: cop });
  const audits = () => gw.db.rowsOf(VerificationAuditEntity);

  it('asks accreditation about an ID card, as the officer, and answers its verification as it is', async () => {
    const verification = {
      status: 'valid',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: GUIDANCE,
      checkedAt: CHECKED_AT,
    };
    gw.downstream.members.verifyIdCard.mockResolvedValueOnce({ verification });
    const res = await verify('idCard=D-0001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...NOTHING, ...verification });
    // No impersonation: the service sees the officer; and nothing else is asked.
    expect(callOf(gw.downstream.members.verifyIdCard)).toEqual({
      request: { idCardNumber: 'D-0001' },
      actor: { subject: 'officer-12', roles: ['law-enforcement'] },
    });
    expect(gw.downstream.vehicles.verifyPlate).not.toHaveBeenCalled();
    expect(gw.downstream.members.getMember).not.toHaveBeenCalled();
  });

  it('asks vehicles about a plate and answers its verification, not the vehicle beside it', async () => {
    const verification = {
      status: 'suspended',
      mission: 'Embassy of France',
      country: 'FR',
      plate: 'DFR0001',
      registration: { status: 'suspended', expiresOn: '2027-11-01' },
      insuranceStatus: 'lapsed',
      note: "Verify the driver's ID card for the driver's immunity.",
      checkedAt: CHECKED_AT,
    };
    gw.downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      verification,
      vehicle: { id: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', vin: '1HGCM82633A004352', plate: 'DFR0001' },
    });
    const res = await verify('plate=DFR0001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...NOTHING, ...verification });
    expect(res.headers.etag).toBeUndefined();
    expect(callOf(gw.downstream.vehicles.verifyPlate)).toEqual({
      request: { plate: 'DFR0001' },
      actor: { subject: 'officer-12', roles: ['law-enforcement'] },
    });
    expect(gw.downstream.members.verifyIdCard).not.toHaveBeenCalled();
  });

  it("gives a plate's status and vehicle as vehicles decided them, never re-deciding (a stolen plate stays stolen)", async () => {
    const verification = {
      status: 'reported-stolen',
      mission: 'Embassy of France',
      country: 'FR',
      guidance: {
        arrest: "Depends on the driver: verify the driver's ID card",
        residenceInviolable: "Depends on the driver: verify the driver's ID card",
        prosecution: "Depends on the driver: verify the driver's ID card",
        ticket: 'May be issued a traffic citation',
      },
      plate: 'DFR0001',
      note: 'This plate was reported lost or stolen and has been replaced: it is not valid on any vehicle.',
      vehicle: { make: 'Toyota', model: 'Camry', year: 2024, vin: '1HGCM82633A004352' },
      checkedAt: CHECKED_AT,
    };
    gw.downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      verification,
      // The vehicle beside the answer is active: the gateway must not let it change the plate's status.
      vehicle: { id: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d', plate: 'DFR0002', registration: { status: 'active' } },
    });
    const res = await verify('plate=DFR0001');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...NOTHING, ...verification });
    expect(res.body.name).toBeNull();
    expect(audits()).toEqual([expect.objectContaining({ queryKind: 'plate', resultStatus: 'reported-stolen' })]);
  });

  it('answers an unknown card as the service says (200, status unknown, nulls for the rest)', async () => {
    gw.downstream.members.verifyIdCard.mockResolvedValueOnce({
      verification: { status: 'unknown', checkedAt: CHECKED_AT },
    });
    const res = await verify('idCard=X1');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...NOTHING, status: 'unknown', checkedAt: CHECKED_AT });
  });

  it.each(['', 'idCard=D-0001&plate=DFR0001', 'plate=DFR0001&licence=L000000001'])(
    'needs exactly one of idCard, plate and licence (%j) and asks nobody',
    async (query) => {
      const res = await verify(query);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([{ field: 'idCard', message: 'give exactly one of idCard, plate, licence' }]);
      expect(gw.downstream.members.verifyIdCard).not.toHaveBeenCalled();
      expect(gw.downstream.vehicles.verifyPlate).not.toHaveBeenCalled();
      expect(gw.downstream.licences.verifyLicence).not.toHaveBeenCalled();
      expect(audits()).toEqual([]);
    },
  );

  it('asks vehicles about a driver licence, audits it, and answers its verification as it is', async () => {
    const verification = {
      status: 'suspended',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      licence: {
        number: 'L000000042',
        licenceClass: 'C',
        restrictions: ['corrective lenses'],
        expiresOn: '2028-06-30',
        points: 12,
        pointsStanding: 'suspension',
        suspendedUntil: '2027-02-28',
      },
      note: 'The licence is suspended: the holder may not drive.',
      checkedAt: CHECKED_AT,
    };
    gw.downstream.licences.verifyLicence.mockResolvedValueOnce({ verification });
    const res = await verify('licence=L000000042');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(verification);
    expect(JSON.stringify(res.body)).not.toMatch(/dateOfBirth|address/i);
    expect(callOf(gw.downstream.licences.verifyLicence)).toEqual({
      request: { number: 'L000000042' },
      actor: { subject: 'officer-12', roles: ['law-enforcement'] },
    });
    expect(gw.downstream.vehicles.verifyPlate).not.toHaveBeenCalled();
    expect(audits()).toEqual([
      expect.objectContaining({ queryKind: 'licence', queryValue: 'L000000042', resultStatus: 'suspended' }),
    ]);
  });

  describe('audit', () => {
    it('records who asked what and what they were told, for a card and for a plate', async () => {
      gw.downstream.members.verifyIdCard.mockResolvedValueOnce({
        verification: { status: 'terminated', checkedAt: CHECKED_AT },
      });
      gw.downstream.vehicles.verifyPlate.mockResolvedValueOnce({
        verification: { status: 'unknown', checkedAt: CHECKED_AT },
      });
      expect((await verify('idCard=D-0001')).status).toBe(200);
      expect((await verify('plate=ZZZ%20999')).status).toBe(200);
      expect(audits()).toEqual([
        {
          occurredAt: expect.any(Date),
          actorSubject: 'officer-12',
          actorRoles: ['law-enforcement'],
          queryKind: 'id-card',
          queryValue: 'D-0001',
          resultStatus: 'terminated',
          traceId: null,
        },
        expect.objectContaining({ queryKind: 'plate', queryValue: 'ZZZ 999', resultStatus: 'unknown' }),
      ]);
    });

    it('answers 503 rather than give an answer it could not record', async () => {
      gw.downstream.members.verifyIdCard.mockResolvedValueOnce({
        verification: { status: 'valid', name: 'Claire Moreau' },
      });
      gw.db.failInserts(new Error('connection terminated'));
      const res = await verify('idCard=D-0001');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 503, detail: expect.stringContaining('could not be recorded') });
      expect(JSON.stringify(res.body)).not.toMatch(/Claire|connection terminated/);
    });

    it('records nothing when the service fails, and passes its failure on as problem+json', async () => {
      gw.downstream.members.verifyIdCard.mockRejectedValueOnce(
        new ClientError('/ofm.accreditation.v1.MemberService/VerifyIdCard', Status.UNAVAILABLE, 'connection refused'),
      );
      const res = await verify('idCard=D-0001');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(audits()).toEqual([]);
    });

    it('records nothing, and answers 500, when the service answers without a verification', async () => {
      gw.downstream.vehicles.verifyPlate.mockResolvedValueOnce({});
      const res = await verify('plate=DFR0001');
      expect(res.status).toBe(500);
      expect(audits()).toEqual([]);
    });
  });

  it('is for law enforcement and OFM staff only', async () => {
    for (const roles of [['auditor'], ['mission-user']]) {
      const token = await gw.token({ sub: 'x', roles, mission_id: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c' });
      expect((await gw.request('GET', '/api/v1/verify?idCard=D-0001', { token })).status).toBe(403);
    }
    expect(gw.downstream.members.verifyIdCard).not.toHaveBeenCalled();
    expect(audits()).toEqual([]);
  });
});
