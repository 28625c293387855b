import { vinCheckDigit } from '@ofm/kernel';
import { FEED_COLUMNS, MAX_TEXT_LENGTH, parseFeedRow, readHeader, type FeedColumn } from './feed-row.rules';

// A North American VIN with its right check digit (position 9).
const vin = (body = '1HGCM82633A004352'): string => `${body.slice(0, 8)}${vinCheckDigit(body)}${body.slice(9)}`;
const columns = readHeader([...FEED_COLUMNS]).columns!;
const good: Record<FeedColumn, string> = {
  action: 'issue',
  insurer: 'Acme Mutual',
  policyNumber: 'P-1',
  vin: vin(),
  effectiveDate: '2026-01-01',
  expirationDate: '2027-01-01',
  combinedSingleLimit: '300000.00',
  bodilyInjuryPerPerson: '',
  bodilyInjuryPerAccident: '',
  propertyDamage: '',
};
const parse = (change: Partial<Record<FeedColumn, string>> = {}, line = 7) =>
  parseFeedRow(
    FEED_COLUMNS.map((c) => ({ ...good, ...change })[c]),
    columns,
    line,
  );
const errorsOf = (change: Partial<Record<FeedColumn, string>>) => parse(change).errors;

describe('insurer feed header', () => {
  it('finds every column wherever it is', () => {
    const reversed = [...FEED_COLUMNS].reverse();
    expect(readHeader(reversed).columns!.action).toBe(FEED_COLUMNS.length - 1);
  });

  it('names a missing, an unknown and a repeated column on line 1', () => {
    const header = FEED_COLUMNS.filter((c) => c !== 'vin');
    expect(readHeader([...header, 'colour', 'insurer']).errors).toEqual([
      { line: 1, field: 'colour', message: 'is not a column of an insurer feed' },
      { line: 1, field: 'insurer', message: 'appears twice in the header row' },
      { line: 1, field: 'vin', message: 'is missing from the header row' },
    ]);
  });
});

describe('insurer feed row', () => {
  it('reads a good row into policy terms, in dollars', () => {
    expect(parse()).toEqual({
      row: {
        line: 7,
        action: 'issue',
        vin: vin(),
        terms: {
          insurer: 'Acme Mutual',
          policyNumber: 'P-1',
          effectiveDate: '2026-01-01',
          expirationDate: '2027-01-01',
          combinedSingleLimit: { amount: '300000.00', currency: 'USD' },
        },
      },
    });
  });

  it('reads the VIN in upper case, trimmed', () => {
    expect(parse({ vin: ` ${vin().toLowerCase()} ` }).row?.vin).toBe(vin());
  });

  it('names a row with too few or too many values', () => {
    expect(parseFeedRow(['issue'], columns, 3).errors).toEqual([
      { line: 3, field: 'row', message: 'has 1 values; the header row has 10' },
    ]);
  });

  it.each<[FeedColumn, string, string]>([
    ['action', 'renewal', 'must be one of issue, renew, cancel'],
    ['action', '', 'must be one of issue, renew, cancel'],
    ['insurer', '', 'is required'],
    ['insurer', 'x'.repeat(MAX_TEXT_LENGTH + 1), `must be at most ${MAX_TEXT_LENGTH} characters`],
    [
      'insurer',
      '\u200B',
      'must contain a visible letter or digit (not only spaces, punctuation or invisible characters)',
    ],
    ['policyNumber', '', 'is required'],
    ['policyNumber', 'P\u0007', 'must not contain control characters'],
    ['vin', '', 'is required'],
    ['vin', '1HGCM8263', 'must be 17 letters and digits (no I, O or Q)'],
    ['vin', '1HGCM82O33A004352', 'must be 17 letters and digits (no I, O or Q)'],
    ['effectiveDate', '', 'is required'],
    ['effectiveDate', '2026-02-29', 'must be a real date YYYY-MM-DD'],
    ['expirationDate', '01/01/2027', 'must be a real date YYYY-MM-DD'],
    ['expirationDate', '2026-01-01', 'must be after effectiveDate'],
    ['combinedSingleLimit', '300,000', 'must be an amount in dollars, e.g. 300000.00 (USD)'],
    ['combinedSingleLimit', '300000.001', 'must be an amount in dollars, e.g. 300000.00 (USD)'],
    ['bodilyInjuryPerPerson', '-1', 'must be an amount in dollars, e.g. 300000.00 (USD)'],
  ])('refuses %s %j: %s', (field, value, message) => {
    expect(errorsOf({ [field]: value })).toEqual([{ line: 7, field, message }]);
  });

  it('refuses a VIN whose check digit is wrong', () => {
    const right = vin();
    const wrong = `${right.slice(0, 8)}${right[8] === '0' ? '1' : '0'}${right.slice(9)}`;
    expect(errorsOf({ vin: wrong })).toEqual([
      { line: 7, field: 'vin', message: 'has a wrong check digit (position 9)' },
    ]);
  });

  it('takes the three split limits instead of a combined single limit', () => {
    const split = {
      combinedSingleLimit: '',
      bodilyInjuryPerPerson: '100000',
      bodilyInjuryPerAccident: '300000.00',
      propertyDamage: '100000.5',
    };
    expect(parse(split).row?.terms).toMatchObject({
      bodilyInjuryPerPerson: { amount: '100000', currency: 'USD' },
      propertyDamage: { amount: '100000.5', currency: 'USD' },
    });
  });

  it('refuses both forms of limits, a partial split, or none', () => {
    expect(errorsOf({ propertyDamage: '100000.00' })).toEqual([
      { line: 7, field: 'propertyDamage', message: 'must be empty when combinedSingleLimit is given' },
    ]);
    expect(errorsOf({ combinedSingleLimit: '', bodilyInjuryPerPerson: '100000.00' })).toEqual([
      { line: 7, field: 'bodilyInjuryPerAccident', message: 'is required with the other split limits' },
      { line: 7, field: 'propertyDamage', message: 'is required with the other split limits' },
    ]);
    expect(errorsOf({ combinedSingleLimit: '' })).toEqual([
      { line: 7, field: 'combinedSingleLimit', message: 'is required unless the three split limits are given' },
    ]);
  });

  it('names every broken column of a row at once', () => {
    expect(errorsOf({ action: 'x', vin: '', effectiveDate: 'soon' })!.map((e) => e.field)).toEqual([
      'action',
      'vin',
      'effectiveDate',
    ]);
  });

  it('reads a cancel with no effective date and no limits (the first day without cover)', () => {
    const cancel = parse({ action: 'cancel', effectiveDate: '', combinedSingleLimit: '' });
    expect(cancel.row).toMatchObject({ action: 'cancel', terms: { effectiveDate: '', expirationDate: '2027-01-01' } });
    expect(cancel.row?.terms.combinedSingleLimit).toBeUndefined();
    expect(parse({ action: 'cancel', expirationDate: '' }).errors).toEqual([
      { line: 7, field: 'expirationDate', message: 'is required' },
    ]);
  });
});

describe('insurer feed row shortcuts', () => {
  it('answers a day the same however often it is seen, real or not', () => {
    for (let i = 0; i < 3; i++) {
      expect(parse({ effectiveDate: '2026-02-30' }, i + 2).errors).toEqual([
        { line: i + 2, field: 'effectiveDate', message: 'must be a real date YYYY-MM-DD' },
      ]);
      expect(parse({}, i + 2).row?.terms.effectiveDate).toBe('2026-01-01');
    }
  });

  it('trims ASCII as is and normalises other text to NFC', () => {
    expect(parse({ insurer: '  Acme  ' }).row?.terms.insurer).toBe('Acme');
    expect(parse({ insurer: ' Mutuelle Ge\u0301ne\u0301rale ' }).row?.terms.insurer).toBe(
      'Mutuelle G\u00e9n\u00e9rale',
    );
  });
});
