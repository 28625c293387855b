import { accreditation } from '@ofm/contracts';
import { toMemberView } from './member.mapper';

const member = (over: Partial<accreditation.Member> = {}): accreditation.Member =>
  accreditation.Member.fromJSON({
    id: '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c',
    pid: '1000000001',
    missionId: '6a7b8c9d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
    givenName: 'Claire',
    familyName: 'Moreau',
    category: 'diplomatic-agent',
    status: 'notified',
    version: 1,
    ...over,
  });

describe('toMemberView', () => {
  it('answers empty lists for a member without refusal reasons or open items', () => {
    expect(toMemberView(member())).toMatchObject({ failedCriteria: [], openItems: [] });
  });

  it('names each failed criterion of a refused member', () => {
    const view = toMemberView(
      member({
        status: 'refused',
        failedCriteria: [
          { criterion: 'diplomatic-passport', message: 'needs a diplomatic passport' },
          { criterion: 'minimum-age', message: 'must be at least 21' },
        ],
      }),
    );
    expect(view.failedCriteria).toEqual([
      { criterion: 'diplomatic-passport', message: 'needs a diplomatic passport' },
      { criterion: 'minimum-age', message: 'must be at least 21' },
    ]);
  });

  it('lists the documents a terminated member must return', () => {
    const view = toMemberView(
      member({
        status: 'terminated',
        openItems: [{ document: 'id-card', reference: 'D000000042', dueOn: '2026-12-28', status: 'open' }],
      }),
    );
    expect(view.openItems).toEqual([
      { document: 'id-card', reference: 'D000000042', dueOn: '2026-12-28', status: 'open' },
    ]);
  });
});
