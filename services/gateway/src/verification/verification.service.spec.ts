import { Metadata, status } from '@grpc/grpc-js';
import type { Actor } from '@ofm/platform';
import type { DataSource } from 'typeorm';
import { fakeDownstream, type FakeDownstream } from '../gateway.spec-helper';
import type { Downstream } from '../grpc/downstream';
import { MISSION_VEHICLE_GUIDANCE, VerificationService } from './verification.service';

const now = new Date('2026-11-28T15:00:00Z');
const cop: Actor = { subject: 'officer-12', roles: ['law-enforcement'] };
const notFound = () =>
  Object.assign(new Error('not found'), { code: status.NOT_FOUND, details: 'not found', metadata: new Metadata() });

// Guidance as accreditation sends it: the gateway passes the words on, it never writes them.
const FULL = {
  arrest: 'May not be arrested or detained',
  residenceInviolable: 'Residence is inviolable',
  prosecution: 'May not be prosecuted',
  ticket: 'May be issued a traffic citation',
};
const NONE = {
  arrest: 'May be arrested or detained',
  residenceInviolable: 'Residence is not inviolable',
  prosecution: 'May be prosecuted: no immunity',
  ticket: 'May be issued a traffic citation',
};

const member = (over: object = {}) => ({
  id: 'mem-1',
  missionId: 'mis-1',
  missionCountry: 'FR',
  givenName: 'Claire',
  familyName: 'Moreau',
  category: 'diplomatic-agent',
  status: 'accredited',
  immunityLevel: 'full',
  idCard: { number: 'D-0001', color: 'blue', expiresOn: '2029-11-28' },
  immunityEndsOn: '',
  ...over,
});

const vehicle = (over: object = {}) => ({
  id: 'v',
  plate: 'DFR0001',
  ownerMemberId: 'mem-1',
  ownerMissionId: '',
  missionId: 'mis-1',
  registration: { status: 'active', expiresOn: '2027-11-01' },
  insuranceStatus: 'insured',
  ...over,
});

describe('VerificationService', () => {
  let downstream: FakeDownstream;
  let inserted: object[];
  let service: VerificationService;

  beforeEach(() => {
    downstream = fakeDownstream();
    inserted = [];
    const ds = {
      getRepository: () => ({ insert: async (row: object) => void inserted.push(row) }),
    } as unknown as DataSource;
    service = new VerificationService(downstream as unknown as Downstream, ds);
  });

  it("verifies an ID card with accreditation's status and guidance, and audits it", async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({
      member: member(),
      missionName: 'Embassy of France',
      status: 'valid',
      guidance: FULL,
    });
    const answer = await service.verify({ kind: 'id-card', value: 'D-0001' }, cop, now);
    expect(answer).toEqual({
      status: 'valid',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: FULL,
      immunityEndsOn: null,
      checkedAt: now.toISOString(),
    });
    expect(downstream.members.verifyIdCard).toHaveBeenCalledWith({ idCardNumber: 'D-0001' }, cop);
    expect(inserted).toEqual([
      {
        occurredAt: now,
        actorSubject: 'officer-12',
        actorRoles: ['law-enforcement'],
        queryKind: 'id-card',
        queryValue: 'D-0001',
        resultStatus: 'valid',
        traceId: null,
      },
    ]);
  });

  it('answers unknown for a card nobody holds, and audits that too', async () => {
    downstream.members.verifyIdCard.mockRejectedValueOnce(notFound());
    const answer = await service.verify({ kind: 'id-card', value: 'X' }, cop, now);
    expect(answer).toMatchObject({ status: 'unknown', name: null, guidance: null });
    expect(inserted).toEqual([expect.objectContaining({ queryValue: 'X', resultStatus: 'unknown' })]);
  });

  it('reads a status it does not know (an older accreditation) as unknown, without guidance', async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({ member: member(), missionName: 'E', status: '' });
    expect(await service.verify({ kind: 'id-card', value: 'D' }, cop, now)).toMatchObject({
      status: 'unknown',
      guidance: null,
      name: 'Claire Moreau',
    });
  });

  it("passes a terminated member's guidance on as given, and shows no immunity once it has ended", async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({
      member: member({ status: 'terminated', immunityEndsOn: '2026-12-20' }),
      missionName: 'E',
      status: 'terminated',
      guidance: FULL,
    });
    expect(await service.verify({ kind: 'id-card', value: 'D' }, cop, now)).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      guidance: FULL,
      immunityEndsOn: '2026-12-20',
    });
    downstream.members.verifyIdCard.mockResolvedValueOnce({
      member: member({ status: 'terminated', immunityEndsOn: '2026-11-01' }),
      missionName: 'E',
      status: 'terminated',
      guidance: NONE,
    });
    expect(await service.verify({ kind: 'id-card', value: 'D' }, cop, now)).toMatchObject({
      status: 'terminated',
      immunityLevel: 'none',
      guidance: NONE,
    });
  });

  it("verifies a plate and its member owner under the caller's own identity", async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: vehicle(),
      missionName: 'Embassy of France',
      missionCountry: 'FR',
    });
    downstream.members.verifyMember.mockResolvedValueOnce({
      member: member({ category: 'administrative-technical', immunityLevel: 'full-criminal' }),
      missionName: 'Embassy of France',
      status: 'valid',
      guidance: FULL,
    });
    const answer = await service.verify({ kind: 'plate', value: 'DFR0001' }, cop, now);
    expect(answer).toMatchObject({
      status: 'valid',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'administrative-technical',
      immunityLevel: 'full-criminal',
      guidance: FULL,
      plate: 'DFR0001',
      registration: { status: 'active', expiresOn: '2027-11-01' },
      insuranceStatus: 'insured',
      ownerStatus: 'valid',
    });
    expect(inserted).toEqual([
      expect.objectContaining({ queryKind: 'plate', queryValue: 'DFR0001', resultStatus: 'valid' }),
    ]);
    // No impersonation: every service sees the officer, and only verification RPCs are called.
    expect(downstream.vehicles.verifyPlate).toHaveBeenCalledWith({ plate: 'DFR0001' }, cop);
    expect(downstream.members.verifyMember).toHaveBeenCalledWith({ memberId: 'mem-1' }, cop);
    expect(downstream.members.getMember).not.toHaveBeenCalled();
    expect(downstream.missions.getMission).not.toHaveBeenCalled();
  });

  it("keeps the registration's status for the plate and reports a terminated owner beside it", async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: vehicle({ registration: { status: 'disposal-due', expiresOn: '2027-11-01' } }),
      missionName: 'Embassy of France',
      missionCountry: 'FR',
    });
    downstream.members.verifyMember.mockResolvedValueOnce({
      member: member({ status: 'terminated', immunityEndsOn: '2026-12-20' }),
      missionName: 'Embassy of France',
      status: 'terminated',
      guidance: FULL,
    });
    expect(await service.verify({ kind: 'plate', value: 'DFR0001' }, cop, now)).toMatchObject({
      status: 'valid',
      ownerStatus: 'terminated',
      guidance: FULL,
      immunityEndsOn: '2026-12-20',
    });
  });

  it('answers a suspended plate with its registration and mission even when the owner cannot be verified', async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: vehicle({
        plate: 'SFR0002',
        ownerMemberId: 'mem-2',
        registration: { status: 'suspended', expiresOn: '2027-11-01' },
        insuranceStatus: 'lapsed',
      }),
      missionName: 'Embassy of France',
      missionCountry: 'FR',
    });
    downstream.members.verifyMember.mockRejectedValueOnce(
      Object.assign(new Error('down'), { code: status.UNAVAILABLE, details: 'down' }),
    );
    const answer = await service.verify({ kind: 'plate', value: 'SFR0002' }, cop, now);
    expect(answer).toMatchObject({
      status: 'suspended',
      name: null,
      mission: 'Embassy of France',
      country: 'FR',
      insuranceStatus: 'lapsed',
      guidance: null,
      note: expect.any(String),
    });

    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: vehicle({ ownerMemberId: 'mem-3' }),
      missionName: 'Embassy of France',
      missionCountry: 'FR',
    });
    downstream.members.verifyMember.mockRejectedValueOnce(notFound());
    expect(await service.verify({ kind: 'plate', value: 'DFR0001' }, cop, now)).toMatchObject({
      status: 'valid',
      name: null,
      note: 'The owner could not be looked up.',
    });
  });

  it("names the mission of a mission-owned vehicle from the plate answer, and sends the officer to the driver's card", async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: vehicle({ plate: 'DFR0003', ownerMemberId: '', ownerMissionId: 'mis-1' }),
      missionName: 'Embassy of France',
      missionCountry: 'FR',
    });
    expect(await service.verify({ kind: 'plate', value: 'DFR0003' }, cop, now)).toMatchObject({
      status: 'valid',
      name: 'Embassy of France',
      mission: 'Embassy of France',
      country: 'FR',
      category: null,
      immunityLevel: null,
      guidance: MISSION_VEHICLE_GUIDANCE,
      note: expect.stringContaining('ID card'),
    });
    expect(MISSION_VEHICLE_GUIDANCE.arrest).toContain("driver's ID card");
    expect(downstream.members.verifyMember).not.toHaveBeenCalled();
  });

  it('answers unknown for a plate nobody holds', async () => {
    downstream.vehicles.verifyPlate.mockRejectedValueOnce(notFound());
    expect(await service.verify({ kind: 'plate', value: 'ZZZ' }, cop, now)).toMatchObject({
      status: 'unknown',
      plate: 'ZZZ',
    });
    expect(inserted).toEqual([expect.objectContaining({ queryKind: 'plate', resultStatus: 'unknown' })]);
  });

  it('fails with 503 rather than answer without an audit record', async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({
      member: member(),
      missionName: 'E',
      status: 'valid',
      guidance: FULL,
    });
    const failing = {
      getRepository: () => ({ insert: async () => Promise.reject(new Error('db down')) }),
    } as unknown as DataSource;
    const error = await new VerificationService(downstream as unknown as Downstream, failing)
      .verify({ kind: 'id-card', value: 'D' }, cop, now)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: { status: 503 } });
  });

  it('passes service failures on (they become problem+json)', async () => {
    downstream.members.verifyIdCard.mockRejectedValueOnce(
      Object.assign(new Error('x'), { code: status.UNAVAILABLE, details: 'down' }),
    );
    await expect(service.verify({ kind: 'id-card', value: 'D' }, cop, now)).rejects.toMatchObject({
      code: status.UNAVAILABLE,
    });
    downstream.vehicles.verifyPlate.mockRejectedValueOnce(
      Object.assign(new Error('x'), { code: status.UNAVAILABLE, details: 'down' }),
    );
    await expect(service.verify({ kind: 'plate', value: 'DFR0001' }, cop, now)).rejects.toMatchObject({
      code: status.UNAVAILABLE,
    });
    expect(inserted).toEqual([]);
  });
});
