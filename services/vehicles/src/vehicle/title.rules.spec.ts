import { checkTitleEntry } from './title.rules';

describe('checkTitleEntry', () => {
  it('records an owner, then any number of lienholders and lessors', () => {
    expect(checkTitleEntry('active', [], 'owner')).toBeUndefined();
    const ledger = [{ role: 'owner' as const, holder: 'Ivan Petrov' }];
    expect(checkTitleEntry('active', ledger, 'lienholder')).toBeUndefined();
    expect(checkTitleEntry('disposal-due', ledger, 'lessor')).toBeUndefined();
  });

  it('keeps one unreleased owner at a time, naming the one recorded', () => {
    expect(checkTitleEntry('active', [{ role: 'owner', holder: 'Ivan Petrov' }], 'owner')).toEqual({
      rule: 'title-owner-recorded',
      detail: 'the title already names its owner (Ivan Petrov)',
    });
    expect(
      checkTitleEntry('active', [{ role: 'owner', holder: 'Ivan Petrov', releasedOn: '2026-01-01' }], 'owner'),
    ).toBeUndefined();
  });

  it('records nothing on a disposed vehicle', () => {
    expect(checkTitleEntry('disposed', [], 'lienholder')?.rule).toBe('vehicle-disposed');
  });
});
