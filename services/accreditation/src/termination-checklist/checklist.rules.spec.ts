import { documentsToReturn } from '../terminate-member/termination.rules';
import {
  documentsNotReturnedDetail,
  documentsNotReturnedFlag,
  documentsReturnedClear,
  flagToRaise,
  overdueItems,
  platesItem,
  type ChecklistItem,
} from './checklist.rules';

const terminated = {
  id: '5b0c8f4e-3a57-4c0a-9f61-2f8d6f1a0b01',
  missionId: '9d2e1c3b-7f64-4e55-8a9d-0c1b2a3d4e5f',
  status: 'terminated',
  terminationEffectiveDate: '2026-03-01',
  departureExtensionRequested: false,
};
const card: ChecklistItem = { document: 'id-card', reference: 'D000000123', dueOn: '2026-03-31', status: 'open' };
const plates: ChecklistItem = { document: 'plates', reference: 'DA1234', dueOn: '2026-03-31', status: 'open' };

describe('termination checklist', () => {
  it('opens the ID card item at termination, due when the person must have left', () => {
    expect(documentsToReturn({ idCard: { number: 'D000000123' } }, '2026-03-01')).toEqual([
      { document: 'id-card', reference: 'D000000123', dueOn: '2026-03-31' },
    ]);
    expect(documentsToReturn({ idCard: { number: 'D000000123' } }, '2026-03-01', true)[0]?.dueOn).toBe('2026-04-30');
  });

  it('opens a plates item per disposal-due vehicle of a terminated owner, named by the plate', () => {
    expect(platesItem(terminated, { plate: 'DA1234', vin: '1HGCM82633A004352' })).toEqual({
      document: 'plates',
      reference: 'DA1234',
      dueOn: '2026-03-31',
    });
  });

  it('makes the plates due at 60 days on the extension', () => {
    expect(platesItem({ ...terminated, departureExtensionRequested: true }, { plate: 'DA1234', vin: 'V' })?.dueOn).toBe(
      '2026-04-30',
    );
  });

  it('names a vehicle without a plate by its VIN', () => {
    expect(platesItem(terminated, { plate: '', vin: '1HGCM82633A004352' })?.reference).toBe('1HGCM82633A004352');
  });

  it('opens nothing for a member not terminated', () => {
    expect(platesItem({ ...terminated, status: 'accredited' }, { plate: 'DA1234', vin: 'V' })).toBeUndefined();
    expect(
      platesItem({ ...terminated, terminationEffectiveDate: null }, { plate: 'DA1234', vin: 'V' }),
    ).toBeUndefined();
  });

  it('is overdue only after the due day, and only while open', () => {
    expect(overdueItems([card], '2026-03-31')).toEqual([]);
    expect(overdueItems([card], '2026-04-01')).toEqual([card]);
    expect(overdueItems([{ ...card, status: 'returned' }], '2026-05-01')).toEqual([]);
  });

  it('lists every overdue item in the flag detail', () => {
    expect(documentsNotReturnedDetail([card])).toBe(
      '1 document not returned past due: id-card D000000123 (due 2026-03-31)',
    );
    expect(documentsNotReturnedDetail([card, plates])).toBe(
      '2 documents not returned past due: id-card D000000123 (due 2026-03-31), plates DA1234 (due 2026-03-31)',
    );
  });

  it('raises one flag: none before due, none when one is already open', () => {
    expect(flagToRaise(null, [card, plates], '2026-03-31')).toBeUndefined();
    expect(flagToRaise(null, [card, { ...plates, dueOn: '2026-04-30' }], '2026-04-01')).toEqual({
      detail: '1 document not returned past due: id-card D000000123 (due 2026-03-31)',
    });
    expect(flagToRaise({ flagId: 'f1' }, [card], '2026-04-01')).toBeUndefined();
    expect(flagToRaise({ flagId: null }, [{ ...card, status: 'returned' }], '2026-04-01')).toBeUndefined();
  });

  it('raises documents-not-returned on the member, in the accreditation program', () => {
    const flag = documentsNotReturnedFlag(terminated, 'detail', new Date('2026-04-01T12:00:00Z'));
    expect(flag).toMatchObject({
      reasonCode: 'documents-not-returned',
      program: 'accreditation',
      subjectType: 'member',
      subjectId: terminated.id,
      memberId: terminated.id,
      missionId: terminated.missionId,
      raisedBy: 'accreditation',
      detail: 'detail',
      clearedAt: '',
    });
  });

  it('clears the flag kept in the checklist, and nothing when none was raised', () => {
    const at = new Date('2026-04-02T12:00:00Z');
    expect(documentsReturnedClear(terminated, { flagId: 'f1', flagDetail: 'd' }, at)).toMatchObject({
      id: 'f1',
      reasonCode: 'documents-not-returned',
      clearedAt: at.toISOString(),
    });
    expect(documentsReturnedClear(terminated, { flagId: null, flagDetail: null }, at)).toBeUndefined();
  });
});
