import {
  isIsoDay,
  isValidVin,
  hasVinForm,
  normalizeText,
  normalizeVin,
  textProblem,
  type FieldError,
} from '@ofm/kernel';
import { policyTermErrors, SPLIT_FIELDS, type PolicyTerms } from '../insurance/coverage.rules';
import { LIMIT_CURRENCY } from '../insurance/money.rules';

// The form of one row of an insurer feed (CONTRACT.md "Insurer feed"), checked with no database:
// what the row says, not whether its vehicle or policy exists (feed-vehicle.rules.ts). Every error
// names the column and the line (the header row is line 1), so an insurer can fix its file.

export const FEED_ACTIONS = ['issue', 'renew', 'cancel'] as const;
export type FeedAction = (typeof FEED_ACTIONS)[number];

export const LIMIT_COLUMNS = ['combinedSingleLimit', ...SPLIT_FIELDS] as const;
export const FEED_COLUMNS = [
  'action',
  'insurer',
  'policyNumber',
  'vin',
  'effectiveDate',
  'expirationDate',
  ...LIMIT_COLUMNS,
] as const;
export type FeedColumn = (typeof FEED_COLUMNS)[number];

export interface FeedError extends FieldError {
  line: number;
}

/** A row whose form is right: the policy terms it states, and the VIN of its vehicle. */
export interface FeedRow {
  line: number;
  action: FeedAction;
  vin: string;
  // For a cancel: expirationDate is the first day without cover; effectiveDate is '' when not given.
  terms: PolicyTerms;
}

export type ParsedRow = { row: FeedRow; errors?: never } | { row?: never; errors: FeedError[] };

// Longest insurer name or policy number kept; longer is a feed error, not a truncation.
export const MAX_TEXT_LENGTH = 200;
const AMOUNT = /^\d{1,15}(?:\.\d{1,2})?$/;

/** Where each column is in the header row, or the header's errors (all on line 1). */
export const readHeader = (
  header: readonly string[],
): { columns: Record<FeedColumn, number>; errors?: never } | { columns?: never; errors: FeedError[] } => {
  const names = header.map((h) => h.trim());
  const errors: FeedError[] = [];
  names.forEach((name, i) => {
    if (!(FEED_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: 1, field: name || `column ${i + 1}`, message: 'is not a column of an insurer feed' });
    } else if (names.indexOf(name) !== i) {
      errors.push({ line: 1, field: name, message: 'appears twice in the header row' });
    }
  });
  for (const column of FEED_COLUMNS) {
    if (!names.includes(column)) errors.push({ line: 1, field: column, message: 'is missing from the header row' });
  }
  if (errors.length > 0) return { errors };
  return { columns: Object.fromEntries(FEED_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<FeedColumn, number> };
};

const textError = (field: string, value: string): FieldError | undefined => {
  if (value === '') return { field, message: 'is required' };
  if (value.length > MAX_TEXT_LENGTH) return { field, message: `must be at most ${MAX_TEXT_LENGTH} characters` };
  const problem = textProblem(value);
  return problem ? { field, message: problem } : undefined;
};

const vinError = (vin: string): FieldError | undefined => {
  if (vin === '') return { field: 'vin', message: 'is required' };
  if (!hasVinForm(vin)) {
    return { field: 'vin', message: 'must be 17 letters and digits (no I, O or Q)' };
  }
  return isValidVin(vin) ? undefined : { field: 'vin', message: 'has a wrong check digit (position 9)' };
};

// A feed names few distinct days (most rows share a renewal date): the calendar check is answered
// once per day seen. Bounded, so a feed of random strings cannot grow it without limit.
const DAY_CACHE_LIMIT = 10_000;
const realDays = new Map<string, boolean>();
const isRealDay = (value: string): boolean => {
  let real = realDays.get(value);
  if (real === undefined) {
    if (realDays.size >= DAY_CACHE_LIMIT) realDays.clear();
    real = isIsoDay(value);
    realDays.set(value, real);
  }
  return real;
};

const dayError = (field: string, value: string, required: boolean): FieldError | undefined => {
  if (value === '') return required ? { field, message: 'is required' } : undefined;
  return isRealDay(value) ? undefined : { field, message: 'must be a real date YYYY-MM-DD' };
};

// Printable ASCII is its own NFC form: only other text pays for Unicode normalisation.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const normalizedCell = (value: string): string => (PRINTABLE_ASCII.test(value) ? value.trim() : normalizeText(value));

const amountError = (field: string, value: string): FieldError | undefined =>
  value === '' || AMOUNT.test(value)
    ? undefined
    : { field, message: `must be an amount in dollars, e.g. 300000.00 (${LIMIT_CURRENCY})` };

// Either a combined single limit or the three split limits (insurance_policy_one_form); a cancel
// states no limits, and any it states are not applied.
const limitFormErrors = (limits: Record<(typeof LIMIT_COLUMNS)[number], string>): FieldError[] => {
  const split = SPLIT_FIELDS.filter((f) => limits[f] !== '');
  if (limits.combinedSingleLimit !== '') {
    return split.map((f) => ({ field: f, message: 'must be empty when combinedSingleLimit is given' }));
  }
  if (split.length === 0) {
    return [{ field: 'combinedSingleLimit', message: 'is required unless the three split limits are given' }];
  }
  return SPLIT_FIELDS.filter((f) => limits[f] === '').map((f) => ({
    field: f,
    message: 'is required with the other split limits',
  }));
};

/** One data row (its values in file order) against the header's columns. */
export const parseFeedRow = (
  values: readonly string[],
  columns: Record<FeedColumn, number>,
  line: number,
): ParsedRow => {
  const width = Object.keys(columns).length;
  if (values.length !== width) {
    return { errors: [{ line, field: 'row', message: `has ${values.length} values; the header row has ${width}` }] };
  }
  const cell = (c: FeedColumn) => normalizedCell(values[columns[c]] ?? '');
  const action = cell('action');
  const vin = normalizeVin(cell('vin'));
  const limits = Object.fromEntries(LIMIT_COLUMNS.map((c) => [c, cell(c)])) as Record<
    (typeof LIMIT_COLUMNS)[number],
    string
  >;
  const known = (FEED_ACTIONS as readonly string[]).includes(action);
  const cancel = action === 'cancel';
  const errors = [
    known ? undefined : { field: 'action', message: `must be one of ${FEED_ACTIONS.join(', ')}` },
    textError('insurer', cell('insurer')),
    textError('policyNumber', cell('policyNumber')),
    vinError(vin),
    dayError('effectiveDate', cell('effectiveDate'), !cancel),
    dayError('expirationDate', cell('expirationDate'), true),
    ...LIMIT_COLUMNS.map((c) => amountError(c, limits[c])),
  ].filter((e): e is FieldError => e !== undefined);
  const formOk = errors.length === 0;
  if (formOk && !cancel) errors.push(...limitFormErrors(limits));
  const usd = (amount: string) => (amount === '' || cancel ? undefined : { amount, currency: LIMIT_CURRENCY });
  const terms: PolicyTerms = {
    insurer: cell('insurer'),
    policyNumber: cell('policyNumber'),
    effectiveDate: cell('effectiveDate'),
    expirationDate: cell('expirationDate'),
    combinedSingleLimit: usd(limits.combinedSingleLimit),
    bodilyInjuryPerPerson: usd(limits.bodilyInjuryPerPerson),
    bodilyInjuryPerAccident: usd(limits.bodilyInjuryPerAccident),
    propertyDamage: usd(limits.propertyDamage),
  };
  // The insurance rules on the terms (expiration after effective date); a cancel without an
  // effective date names only the day cover ends.
  if (errors.length === 0 && terms.effectiveDate !== '') errors.push(...policyTermErrors(terms));
  if (errors.length > 0) return { errors: errors.map((e) => ({ line, ...e })) };
  return { row: { line, action: action as FeedAction, vin, terms } };
};
