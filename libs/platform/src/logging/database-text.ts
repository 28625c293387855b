import { REDACTED } from './personal-data';

// PostgreSQL's texts that repeat the values of a refused row, with those values replaced and the
// names of constraints, tables and columns kept (they say what failed).

// PostgreSQL quotes the offending value after a colon at the end of a line ('invalid input syntax
// for type uuid: "…"', 'invalid input value for enum x: "…"') or after `value` ('value "…" is out of
// range'). The names it quotes otherwise (constraint "…", relation "…", column "…") are kept.
export const redactQuotedValues = (text: string): string =>
  text.replace(/: "[^"\n]*"$/gm, `: "${REDACTED}"`).replace(/\bvalue "[^"\n]*"/g, `value "${REDACTED}"`);

const KEY_DETAIL =
  /^Key \((.+?)\)=\(.*\) (already exists|is not present in table "[^"]*"|is still referenced from table "[^"]*")\.$/s;
const CONFLICT_DETAIL = /^Key \((.+?)\)=\(.*\) conflicts with existing key \((.+?)\)=\(.*\)\.$/s;

// pg's `detail` ("Key (passport_number)=(X123) already exists.", "Failing row contains (…)."). A
// detail of another shape is kept only when it cannot hold a value (no quotes, no parentheses, as in
// a deadlock's "Process 1 waits for ShareLock …"); otherwise it is replaced whole.
export const redactDatabaseDetail = (detail: string): string => {
  const key = KEY_DETAIL.exec(detail);
  if (key) return `Key (${key[1]})=(${REDACTED}) ${key[2]}.`;
  const conflict = CONFLICT_DETAIL.exec(detail);
  if (conflict) return `Key (${conflict[1]})=(${REDACTED}) conflicts with existing key (${conflict[2]})=(${REDACTED}).`;
  if (detail.startsWith('Failing row contains (')) return `Failing row contains (${REDACTED}).`;
  return /["'()]/.test(detail) ? REDACTED : detail;
};
