import { raiseFlag, clearFlag } from '@ofm/compliance';
import { afterCleared, afterRaised, type FlagRow } from './flag-register.rules';

const at = new Date('2026-03-01T10:00:00.000Z');
const later = new Date('2026-03-05T10:00:00.000Z');
const raised = raiseFlag({
  code: 'insurance-lapse',
  raisedBy: 'vehicles',
  missionId: 'b1c7a3c2-0000-4000-8000-000000000001',
  memberId: 'b1c7a3c2-0000-4000-8000-000000000002',
  subjectType: 'vehicle',
  subjectId: 'v-1',
  detail: 'lapsed on 2026-02-28',
  at,
});
const cleared = clearFlag({ ...raised, reasonCode: 'insurance-lapse', detail: 'insurance recorded again' }, later);

const rowOf = (decision: ReturnType<typeof afterRaised>): FlagRow => {
  if (!decision.ok) throw new Error(decision.problem);
  return decision.row;
};

describe('the flag register', () => {
  it('opens a flag on its raise, with what the event says', () => {
    expect(rowOf(afterRaised(undefined, raised))).toEqual({
      id: raised.id,
      code: 'insurance-lapse',
      program: 'vehicles',
      severity: 'high',
      visibility: 'partner',
      subjectType: 'vehicle',
      subjectId: 'v-1',
      missionId: raised.missionId,
      memberId: raised.memberId,
      raisedBy: 'vehicles',
      detail: 'lapsed on 2026-02-28',
      status: 'open',
      raisedAt: at,
      clearedAt: null,
      clearedReason: null,
    });
  });

  it('closes an open flag on its clear, keeping the raise', () => {
    const open = rowOf(afterRaised(undefined, raised));
    const closed = rowOf(afterCleared(open, cleared, 'insurance recorded', later));
    expect(closed).toMatchObject({
      status: 'cleared',
      clearedAt: later,
      clearedReason: 'insurance recorded',
      raisedAt: at,
    });
    expect(closed.detail).toBe('lapsed on 2026-02-28');
  });

  it('ends cleared when the clear arrives before the raise, and the raise fills in its facts', () => {
    const early = rowOf(afterCleared(undefined, cleared, 'insurance recorded', later));
    expect(early).toMatchObject({ status: 'cleared', raisedAt: null, clearedAt: later });
    const filled = rowOf(afterRaised(early, raised));
    expect(filled).toMatchObject({
      status: 'cleared',
      raisedAt: at,
      clearedAt: later,
      clearedReason: 'insurance recorded',
      detail: 'lapsed on 2026-02-28',
    });
  });

  it('changes nothing on a second raise or a second clear', () => {
    const open = rowOf(afterRaised(undefined, raised));
    expect(rowOf(afterRaised(open, raised))).toBe(open);
    const closed = rowOf(afterCleared(open, cleared, 'first', later));
    expect(rowOf(afterCleared(closed, cleared, 'second', new Date()))).toBe(closed);
  });

  it('takes the program of the code for a flag raised before programs existed', () => {
    expect(rowOf(afterRaised(undefined, { ...raised, program: '' })).program).toBe('vehicles');
  });

  it('refuses, naming it, a flag it cannot file', () => {
    expect(afterRaised(undefined, { ...raised, program: '', reasonCode: 'made-up' })).toEqual({
      ok: false,
      problem: `flag ${raised.id}: no program, and code made-up is not one we know`,
    });
    expect(afterRaised(undefined, { ...raised, missionId: '' })).toMatchObject({ ok: false });
  });
});
