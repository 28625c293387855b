import type { LicenceEntity, LicenceSuspensionEntity, LicenceViolationEntity } from './licence.entity';
import { licenceVerification, toLicenceMessage, unknownLicenceVerification } from './licence.mapper';

const licence: LicenceEntity = {
  id: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  number: 'L000000042',
  memberId: '11111111-2222-4333-8444-555555555555',
  missionId: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c',
  licenceClass: 'C',
  restrictions: ['corrective lenses'],
  expiresOn: '2028-06-30',
  version: 2,
  createdAt: new Date('2026-01-05T15:00:00Z'),
  updatedAt: new Date('2026-11-20T15:00:00Z'),
};
const violation = (date: string, points: number): LicenceViolationEntity => ({
  id: `v-${date}`,
  licenceId: licence.id,
  date,
  code: 'T-SPEED',
  points,
  dui: false,
  testRefused: false,
  recordedAt: new Date(`${date}T18:00:00Z`),
});
const violations = [violation('2025-03-01', 6), violation('2026-11-20', 6)];
const suspension: LicenceSuspensionEntity = {
  id: 's-1',
  licenceId: licence.id,
  reason: 'points',
  startsOn: '2026-11-20',
  endsOn: '2027-02-28',
  violationId: 'v-2026-11-20',
};
const checkedAt = new Date('2026-12-01T15:00:00Z');
const holder = { name: 'Claire Moreau', mission: 'Embassy of France', country: 'FR' };

describe('a licence as the API and an officer see it', () => {
  it('gives the status, points and standing of the day', () => {
    expect(toLicenceMessage({ licence, violations, suspensions: [suspension] }, '2026-12-01')).toMatchObject({
      status: 'suspended',
      points: 12,
      pointsStanding: 'suspension',
      suspension: { reason: 'points', startsOn: '2026-11-20', endsOn: '2027-02-28' },
    });
    // The first 6 points drop out on 2027-03-01 and the suspension is over.
    expect(toLicenceMessage({ licence, violations, suspensions: [suspension] }, '2027-03-01')).toMatchObject({
      status: 'valid',
      points: 6,
      pointsStanding: 'clear',
      suspension: undefined,
    });
  });

  it('tells an officer status, points standing, name and mission, and nothing else of the holder', () => {
    const answer = licenceVerification(
      { licence, violations, suspensions: [suspension] },
      holder,
      '2026-12-01',
      checkedAt,
    );
    expect(answer).toEqual({
      status: 'suspended',
      ...holder,
      licence: {
        number: 'L000000042',
        licenceClass: 'C',
        restrictions: ['corrective lenses'],
        expiresOn: '2028-06-30',
        points: 12,
        pointsStanding: 'suspension',
        suspendedUntil: '2027-02-28',
      },
      note: expect.stringContaining('suspended'),
      checkedAt: checkedAt.toISOString(),
    });
    // No internal ids reach the officer.
    expect(JSON.stringify(answer)).not.toMatch(new RegExp(`${licence.memberId}|${licence.missionId}|${licence.id}`));
  });

  it.each([
    [{ ...licence, expiresOn: '2026-11-30' }, 'expired'],
    [{ ...licence, endedOn: '2026-11-15' }, 'terminated'],
    [licence, 'valid'],
  ])('answers an expired, ended or valid licence (%#)', (l, status) => {
    expect(
      licenceVerification({ licence: l, violations: [], suspensions: [] }, holder, '2026-12-01', checkedAt).status,
    ).toBe(status);
  });

  it('answers a number OFM never issued as unknown, with nothing else', () => {
    expect(unknownLicenceVerification(checkedAt)).toEqual({ status: 'unknown', checkedAt: checkedAt.toISOString() });
  });
});
