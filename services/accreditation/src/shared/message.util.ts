// Rows and messages share their property names (the entities are written so), so a row becomes its
// proto message without naming a field: the generated fromJSON takes the fields the message has and
// drops the others (bookkeeping columns, open-item ids), gives an absent optional field undefined and
// a plain field its proto3 default. What the row holds that JSON does not is made plain first:
// a timestamp is its ISO string, and an embedded group of columns that are all null (the ID card
// before one is issued) is an absent message.

interface MessageType<T> {
  fromJSON(object: unknown): T;
}

const plain = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  if (entries.length > 0 && entries.every(([, v]) => v === null || v === undefined)) return undefined;
  return Object.fromEntries(entries.map(([k, v]) => [k, plain(v)]));
};

/** The row (with whatever else the message carries, e.g. a member's open items) as its message. */
export const toMessage = <T>(type: MessageType<T>, row: object): T => type.fromJSON(plain(row));
