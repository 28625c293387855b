import { isDayBound, type DayBounds } from '@ofm/kernel';
import * as protobuf from 'protobufjs';

// The rules a field or message declares in proto/: buf.validate options (protovalidate's rule set)
// and the vocabulary's own (words, format, example, exactly_one_of). Only the subset of
// buf.validate the platform uses is read; any other rule stops the derivation, so a rule can never
// be declared and silently not enforced.

export interface StringRules {
  min_len?: number;
  max_len?: number;
  pattern?: string;
  uuid?: boolean;
  in?: string[];
}
export interface NumberRules {
  gte?: number;
  lte?: number;
}
export interface FieldRules {
  required: boolean;
  string?: StringRules;
  number?: NumberRules;
  repeated?: { max_items?: number };
  words?: readonly string[];
  format?: Format;
  // A date's first and last acceptable day, relative to OFM's today where they say so.
  days?: DayBounds;
  example?: string;
}

// The formats a string field may declare: ISO days and instants, and the two codes that are not
// OFM's own but have a checkable structure (an assigned country, a VIN with its check digit).
export type Format = 'date' | 'date-time' | 'country' | 'vin';
const FORMATS: ReadonlySet<string> = new Set<Format>(['date', 'date-time', 'country', 'vin']);
export interface MessageRules {
  // buf.validate oneof: at most one of the fields (exactly one when required).
  oneof: { fields: string[]; required: boolean }[];
  // Either/or sets: exactly one set given whole, nothing of the others.
  exactlyOneOf: string[][];
}

const KNOWN_STRING = new Set(['min_len', 'max_len', 'pattern', 'uuid', 'in']);
const KNOWN_NUMBER = new Set(['gte', 'lte']);
const KNOWN_FIELD = new Set(['required', 'string', 'int32', 'double', 'repeated']);

type Parsed = Record<string, unknown>[] | undefined;
const option = <T>(options: unknown, name: string): T[] =>
  ((options as Parsed) ?? []).filter((o) => name in o).map((o) => o[name] as T);

const fail = (where: string, what: string): never => {
  throw new Error(`vocabulary: ${where} declares ${what}, which the platform does not enforce`);
};

const asArray = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** The enum's words: the `word` option of each value but the zero value. */
export const wordsOf = (e: protobuf.Enum): string[] =>
  Object.entries(e.values)
    .filter(([, n]) => n !== 0)
    .map(([name]) => {
      const word = e.valuesOptions?.[name]?.['(ofm.vocabulary.v1.word)'];
      if (typeof word !== 'string') throw new Error(`vocabulary: ${e.fullName}.${name} has no word`);
      return word;
    });

export const fieldRules = (field: protobuf.Field): FieldRules => {
  const where = `${field.parent?.fullName}.${field.name}`;
  const rules: FieldRules = { required: false };
  for (const v of option<Record<string, unknown>>(field.parsedOptions, '(buf.validate.field)')) {
    for (const [key, value] of Object.entries(v)) {
      if (!KNOWN_FIELD.has(key)) fail(where, `buf.validate ${key}`);
      if (key === 'required') rules.required = value === true;
      else if (key === 'string') {
        for (const k of Object.keys(value as object)) if (!KNOWN_STRING.has(k)) fail(where, `string.${k}`);
        const s = value as StringRules & { in?: unknown };
        rules.string = { ...rules.string, ...s, ...(s.in !== undefined ? { in: asArray(s.in) } : {}) };
      } else if (key === 'int32' || key === 'double') {
        for (const k of Object.keys(value as object)) if (!KNOWN_NUMBER.has(k)) fail(where, `${key}.${k}`);
        rules.number = { ...rules.number, ...(value as NumberRules) };
      } else if (key === 'repeated') {
        rules.repeated = value as { max_items?: number };
      }
    }
  }
  const own = (name: string): unknown => option(field.parsedOptions, `(ofm.vocabulary.v1.${name})`)[0];
  const words = own('words');
  if (typeof words === 'string') {
    const e = field.parent!.lookupEnum(words);
    rules.words = wordsOf(e);
  }
  const format = own('format');
  if (format !== undefined) {
    if (!FORMATS.has(String(format))) fail(where, `format ${String(format)}`);
    rules.format = format as Format;
  }
  const days = own('days') as { min?: unknown; max?: unknown } | undefined;
  if (days !== undefined) {
    if (rules.format !== 'date') fail(where, 'days on a field that is not a date');
    const bounds: DayBounds = {};
    for (const end of ['min', 'max'] as const) {
      const bound = days[end];
      if (bound === undefined || bound === '') continue;
      if (typeof bound !== 'string' || !isDayBound(bound)) fail(where, `days.${end} ${String(bound)}`);
      bounds[end] = bound as string;
    }
    rules.days = bounds;
  }
  const example = own('example');
  if (typeof example === 'string') rules.example = example;
  return rules;
};

export const messageRules = (type: protobuf.Type): MessageRules => {
  const oneof = option<{ fields?: unknown; required?: boolean }>(type.parsedOptions, '(buf.validate.message)')
    .map((m) => (m as { oneof?: { fields?: unknown; required?: boolean } }).oneof)
    .filter((o): o is { fields?: unknown; required?: boolean } => o !== undefined)
    .map((o) => ({ fields: asArray(o.fields), required: o.required === true }));
  const exactlyOneOf = option<{ fields?: unknown }>(type.parsedOptions, '(ofm.vocabulary.v1.exactly_one_of)').map((s) =>
    asArray(s.fields),
  );
  return { oneof, exactlyOneOf };
};

/** lowerCamelCase as proto3 JSON names fields (protobufjs keeps names as written in .proto). */
export const jsonName = (protoName: string): string =>
  protoName.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/** Whether the field has explicit presence (proto3 `optional`): absent reads as null, not as a default. */
export const isOptional = (field: protobuf.Field): boolean =>
  field.options?.proto3_optional === true || (field.partOf !== null && field.partOf.name.startsWith('_'));

/** The field's comment from the .proto, as the schema's description. */
export const description = (node: { comment: string | null }): string | undefined =>
  node.comment?.replace(/\s+/g, ' ').trim() || undefined;
