import { Metadata, status } from '@grpc/grpc-js';
import type { Actor } from '@ofm/platform';
import type { DataSource } from 'typeorm';
import { fakeDownstream, type FakeDownstream } from '../gateway.spec-helper';
import type { Downstream } from '../grpc/downstream';
import { GUIDANCE_WORDS as W } from './guidance';
import { VerificationService } from './verification.service';

const now = new Date('2026-11-28T15:00:00Z');
const cop: Actor = { subject: 'officer-12', roles: ['law-enforcement'] };
const notFound = () => Object.assign(new Error('not found'), { code: status.NOT_FOUND, details: 'not found', metadata: new Metadata() });

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

describe('VerificationService', () => {
  let downstream: FakeDownstream;
  let inserted: object[];
  let service: VerificationService;

  beforeEach(() => {
    downstream = fakeDownstream();
    inserted = [];
    const ds = { getRepository: () => ({ insert: async (row: object) => void inserted.push(row) }) } as unknown as DataSource;
    service = new VerificationService(downstream as unknown as Downstream, ds);
  });

  it('verifies an ID card: who, mission, immunity and booklet guidance, and audits it', async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({ member: member(), missionName: 'Embassy of France' });
    const answer = await service.verify({ kind: 'id-card', value: 'D-0001' }, cop, now);
    expect(answer).toEqual({
      status: 'valid',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: { arrest: W.arrestNo, residenceInviolable: W.residenceYes, prosecution: W.prosecutionNo, ticket: W.ticket },
      immunityEndsOn: null,
      checkedAt: now.toISOString(),
    });
    expect(downstream.members.verifyIdCard).toHaveBeenCalledWith({ idCardNumber: 'D-0001' }, cop);
    expect(inserted).toEqual([
      { occurredAt: now, actorSubject: 'officer-12', actorRoles: ['law-enforcement'], queryKind: 'id-card', queryValue: 'D-0001', resultStatus: 'valid', traceId: null },
    ]);
  });

  it('answers unknown for a card nobody holds, and audits that too', async () => {
    downstream.members.verifyIdCard.mockRejectedValueOnce(notFound());
    const answer = await service.verify({ kind: 'id-card', value: 'X' }, cop, now);
    expect(answer).toMatchObject({ status: 'unknown', name: null, guidance: null });
    expect(inserted).toEqual([expect.objectContaining({ queryValue: 'X', resultStatus: 'unknown' })]);
  });

  it('keeps the immunity of a terminated member until it ends, then gives the no-immunity guidance', async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({ member: member({ status: 'terminated', immunityEndsOn: '2026-12-20' }), missionName: 'E' });
    expect(await service.verify({ kind: 'id-card', value: 'D' }, cop, now)).toMatchObject({ status: 'terminated', immunityLevel: 'full', guidance: { arrest: W.arrestNo }, immunityEndsOn: '2026-12-20' });
    downstream.members.verifyIdCard.mockResolvedValueOnce({ member: member({ status: 'terminated', immunityEndsOn: '2026-11-01' }), missionName: 'E' });
    expect(await service.verify({ kind: 'id-card', value: 'D' }, cop, now)).toMatchObject({ status: 'terminated', immunityLevel: 'none', guidance: { arrest: W.arrestYes } });
  });

  it('verifies a plate: registration, insurance and the owner with guidance', async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: { id: 'v', plate: 'DFR0001', ownerMemberId: 'mem-1', ownerMissionId: '', missionId: 'mis-1', registration: { status: 'active', expiresOn: '2027-11-01' }, insuranceStatus: 'insured' },
    });
    downstream.missions.getMission.mockResolvedValueOnce({ mission: { id: 'mis-1', name: 'Embassy of France', country: 'FR' } });
    downstream.members.getMember.mockResolvedValueOnce({ member: member({ category: 'administrative-technical', immunityLevel: 'full-criminal' }) });
    const answer = await service.verify({ kind: 'plate', value: 'DFR0001' }, cop, now);
    expect(answer).toMatchObject({
      status: 'valid',
      name: 'Claire Moreau',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'administrative-technical',
      immunityLevel: 'full-criminal',
      guidance: { prosecution: W.prosecutionCriminalNo },
      plate: 'DFR0001',
      registration: { status: 'active', expiresOn: '2027-11-01' },
      insuranceStatus: 'insured',
    });
    expect(inserted).toEqual([expect.objectContaining({ queryKind: 'plate', queryValue: 'DFR0001', resultStatus: 'valid' })]);
    // The owner is read under the gateway's read-only identity naming the officer.
    const reader = { subject: 'gateway-verification:officer-12', roles: ['auditor'] };
    expect(downstream.vehicles.verifyPlate).toHaveBeenCalledWith({ plate: 'DFR0001' }, cop);
    expect(downstream.members.getMember).toHaveBeenCalledWith({ id: 'mem-1' }, reader);
    expect(downstream.missions.getMission).toHaveBeenCalledWith({ id: 'mis-1' }, reader);
  });

  it('answers a suspended plate with its registration even when the owner cannot be looked up', async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: { plate: 'SFR0002', ownerMemberId: 'mem-2', missionId: 'mis-1', registration: { status: 'suspended', expiresOn: '2027-11-01' }, insuranceStatus: 'lapsed' },
    });
    downstream.missions.getMission.mockResolvedValueOnce({ mission: { name: 'Embassy of France', country: 'FR' } });
    downstream.members.getMember.mockRejectedValueOnce(Object.assign(new Error('denied'), { code: status.PERMISSION_DENIED, details: 'denied' }));
    const answer = await service.verify({ kind: 'plate', value: 'SFR0002' }, cop, now);
    expect(answer).toMatchObject({ status: 'suspended', name: null, mission: 'Embassy of France', insuranceStatus: 'lapsed', guidance: null, note: expect.any(String) });
  });

  it("names the mission for a mission-owned vehicle and says the driver's card decides", async () => {
    downstream.vehicles.verifyPlate.mockResolvedValueOnce({
      vehicle: { plate: 'DFR0003', ownerMemberId: '', ownerMissionId: 'mis-1', missionId: 'mis-1', registration: { status: 'active', expiresOn: '2027-11-01' }, insuranceStatus: 'insured' },
    });
    downstream.missions.getMission.mockResolvedValueOnce({ mission: { name: 'Embassy of France', country: 'FR' } });
    expect(await service.verify({ kind: 'plate', value: 'DFR0003' }, cop, now)).toMatchObject({ status: 'valid', name: 'Embassy of France', guidance: null, note: expect.stringContaining('ID card') });
  });

  it('answers unknown for a plate nobody holds', async () => {
    downstream.vehicles.verifyPlate.mockRejectedValueOnce(notFound());
    expect(await service.verify({ kind: 'plate', value: 'ZZZ' }, cop, now)).toMatchObject({ status: 'unknown', plate: 'ZZZ' });
  });

  it('fails with 503 rather than answer without an audit record', async () => {
    downstream.members.verifyIdCard.mockResolvedValueOnce({ member: member(), missionName: 'E' });
    const failing = { getRepository: () => ({ insert: async () => Promise.reject(new Error('db down')) }) } as unknown as DataSource;
    const error = await new VerificationService(downstream as unknown as Downstream, failing).verify({ kind: 'id-card', value: 'D' }, cop, now).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: { status: 503 } });
  });

  it('passes service failures on (they become problem+json)', async () => {
    downstream.members.verifyIdCard.mockRejectedValueOnce(Object.assign(new Error('x'), { code: status.UNAVAILABLE, details: 'down' }));
    await expect(service.verify({ kind: 'id-card', value: 'D' }, cop, now)).rejects.toMatchObject({ code: status.UNAVAILABLE });
    expect(inserted).toEqual([]);
  });
});
