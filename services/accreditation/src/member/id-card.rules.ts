import type { IdCardColor } from '@ofm/contracts';
import { addDays, addYears, earliest, type IsoDay } from '@ofm/kernel';
import { CHILD_MAX_AGE, STUDENT_CHILD_MAX_AGE } from './dependent.rules';
import type { MemberEntity } from './member.entity';

// ID card expiry "follows the visa or assignment": the expected departure date when the
// notification gives one, capped by a default validity (configurable, ID_CARD_VALIDITY_YEARS) so
// that no card is open-ended, and for a child by the day before the birthday that ends eligibility.
export const DEFAULT_ID_CARD_VALIDITY_YEARS = 3;

const childCardLimit = (
  child: Pick<MemberEntity, 'dateOfBirth' | 'fullTimeStudent' | 'disabled'>,
): IsoDay | undefined => {
  if (child.disabled) return undefined;
  return addDays(addYears(child.dateOfBirth, child.fullTimeStudent ? STUDENT_CHILD_MAX_AGE : CHILD_MAX_AGE), -1);
};

// The visa's expiry caps the card too (a card outliving the visa would verify a person out of status).
export const idCardExpiresOn = (
  member: Pick<
    MemberEntity,
    'category' | 'relationship' | 'dateOfBirth' | 'fullTimeStudent' | 'disabled' | 'expectedDepartureDate'
  > & { visaExpiresOn?: IsoDay | null },
  issuedOn: IsoDay,
  validityYears = DEFAULT_ID_CARD_VALIDITY_YEARS,
): IsoDay => {
  const child = member.category === 'dependent' && member.relationship === 'child' ? childCardLimit(member) : undefined;
  return earliest(addYears(issuedOn, validityYears), member.expectedDepartureDate, member.visaExpiresOn, child)!;
};

// The card number shows its kind at a glance — D diplomatic (blue), O official (green), C consular
// (red) — followed by 9 digits from a database sequence, so numbers are unique without retries.
const PREFIX: Readonly<Record<IdCardColor, string>> = { blue: 'D', green: 'O', red: 'C' };
export const ID_CARD_NUMBER = /^[DOC]\d{9}$/;

export const idCardNumber = (color: IdCardColor, sequence: number | string): string => {
  const digits = String(sequence);
  if (!/^\d{1,9}$/.test(digits)) throw new RangeError(`ID card sequence out of range: ${digits}`);
  return `${PREFIX[color]}${digits.padStart(9, '0')}`;
};

/** Card numbers typed by an officer: case, blanks and dashes between groups do not matter. */
export const normalizeIdCardNumber = (value: string): string => value.replace(/[\s-]+/g, '').toUpperCase();
