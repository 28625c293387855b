import { COUNTRY_CODES, dayBoundInWords, TEXT_PATTERN, UUID_PATTERN, VIN_PATTERN } from '@ofm/kernel';
import * as protobuf from 'protobufjs';
import { messageType } from './proto-root';
import { description, fieldRules, isOptional, jsonName, messageRules, type FieldRules } from './rules';

// JSON Schemas (draft 2020-12, the dialect of OpenAPI 3.1 and AsyncAPI 3) derived from the proto
// messages and their rules. One derivation serves three readers:
// - `request`: what a client may send (REST body, query, and the services' input checks):
//   unknown fields refused, rules enforced, absent fields take proto3's defaults;
// - `answer`: what the REST API answers: every field present, null where the proto has no value
//   (an `optional` field or a message field unset);
// - `event`: the proto3 JSON form of an event's message on Kafka, where default values are omitted.
export type SchemaMode = 'request' | 'answer' | 'event';
export type JsonSchema = Record<string, unknown>;

// A strict UUID (ajv-formats would also take "urn:uuid:…"): the kernel's one id check, so an id the
// API accepts is one every service accepts.
export { UUID_PATTERN } from '@ofm/kernel';

// Free text (a string field without words, format or pattern of its own): no control characters,
// and a visible letter or digit (the kernel's text rule). It is normalised (NFC, trimmed) before it
// is checked, by the same layer that checks it (validate.ts).
export { TEXT_PATTERN } from '@ofm/kernel';

// The shape of a format that is more than its shape, shown to a client (and checked) beside the
// format, whose check says the rest: a VIN's check digit.
const FORMAT_PATTERNS: Partial<Record<string, string>> = { vin: VIN_PATTERN };

// A country code is one of a finite list (the kernel's, behind isCountryCode): the document lists
// it, so that a code it allows is one the API accepts ("AA" has the shape and names nothing).
const COUNTRY_ENUM: readonly string[] = [...COUNTRY_CODES].sort();

const INT32 = { minimum: -2147483648, maximum: 2147483647 };

export interface SchemaOptions {
  // Request fields that do not come from the body (path parameters, headers).
  omit?: readonly string[];
}

/** The schema of a message in the given mode (nested messages inline, so one schema stands alone). */
export const messageSchema = (fullName: string, mode: SchemaMode, options: SchemaOptions = {}): JsonSchema =>
  schemaOfType(messageType(fullName), mode, new Set(options.omit ?? []));

const schemaOfType = (type: protobuf.Type, mode: SchemaMode, omit: ReadonlySet<string> = new Set()): JsonSchema => {
  const fields = type.fieldsArray.filter((f) => !omit.has(f.name));
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of fields) {
    const rules = fieldRules(field);
    properties[field.name] = fieldSchema(field, rules, mode);
    if (mode === 'request' && rules.required) properties[field.name] = presentValue(field, properties[field.name]!);
    if (mode === 'answer' || (mode === 'request' && rules.required)) required.push(field.name);
  }
  const schema: JsonSchema = {
    type: 'object',
    ...(description(type) ? { description: description(type) } : {}),
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: false,
  };
  if (mode === 'request') Object.assign(schema, alternatives(type, omit));
  return schema;
};

// proto3 cannot tell a zero value from no value where a field has no explicit presence, so
// `required` there means "not the zero value" (as protovalidate reads it); REST says the same,
// or a request the gateway accepts would be refused by the service.
const presentValue = (field: protobuf.Field, schema: JsonSchema): JsonSchema => {
  if (field.repeated || isOptional(field) || field.resolvedType instanceof protobuf.Type) return schema;
  if (schema.type === 'integer' || schema.type === 'number') {
    // A range that leaves 0 out already says it (and a second error for the same field says nothing).
    const excludesZero =
      (typeof schema.minimum === 'number' && schema.minimum > 0) ||
      (typeof schema.exclusiveMinimum === 'number' && schema.exclusiveMinimum >= 0) ||
      (typeof schema.maximum === 'number' && schema.maximum < 0);
    return excludesZero ? schema : { ...schema, not: { const: 0 } };
  }
  if (schema.type === 'string' && schema.minLength === undefined && !schema.enum) return { ...schema, minLength: 1 };
  return schema;
};

const fieldSchema = (field: protobuf.Field, rules: FieldRules, mode: SchemaMode): JsonSchema => {
  const item = valueSchema(field, rules, mode);
  const bounds = mode === 'request' && rules.days ? dayBoundsInWords(rules.days) : undefined;
  const doc = [description(field), bounds].filter(Boolean).join(' ') || undefined;
  if (field.repeated) {
    return {
      type: 'array',
      items: item,
      ...(rules.repeated?.max_items !== undefined ? { maxItems: rules.repeated.max_items } : {}),
      ...(doc ? { description: doc } : {}),
    };
  }
  const nullable = mode === 'answer' && (isOptional(field) || field.resolvedType instanceof protobuf.Type);
  const withDoc = { ...item, ...(doc ? { description: doc } : {}) };
  return nullable ? { anyOf: [item, { type: 'null' }], ...(doc ? { description: doc } : {}) } : withDoc;
};

const valueSchema = (field: protobuf.Field, rules: FieldRules, mode: SchemaMode): JsonSchema => {
  if (field.resolvedType instanceof protobuf.Type) return schemaOfType(field.resolvedType, mode);
  const strict = mode === 'request';
  const example = rules.example;
  switch (field.type) {
    case 'string': {
      const s = rules.string ?? {};
      const schema: JsonSchema = { type: 'string' };
      if (rules.words) schema.enum = [...rules.words];
      if (s.in) schema.enum = [...s.in];
      if (rules.format) schema.format = rules.format;
      if (strict && rules.format === 'country' && !schema.enum) schema.enum = [...COUNTRY_ENUM];
      if (s.uuid) Object.assign(schema, { format: 'uuid', ...(strict ? { pattern: UUID_PATTERN } : {}) });
      if (strict && s.pattern) schema.pattern = s.pattern;
      else if (strict && rules.format && FORMAT_PATTERNS[rules.format]) schema.pattern = FORMAT_PATTERNS[rules.format];
      // Free text never carries control characters (NUL, escapes, line breaks): PostgreSQL refuses
      // NUL outright, and no name or address holds the others.
      else if (strict && !schema.enum && !schema.format) schema.pattern = TEXT_PATTERN;
      if (strict && s.min_len !== undefined) schema.minLength = s.min_len;
      if (strict && s.max_len !== undefined) schema.maxLength = s.max_len;
      // Days relative to today are checked when the request is (validate.ts); no JSON Schema keyword
      // says "within a year of today", so the document shows the bounds as declared and in words,
      // and a day outside them answers 422 (rule day-bounds), not 400.
      if (strict && rules.days) schema['x-ofm-days'] = { ...rules.days };
      if (example !== undefined) schema.examples = [example];
      return schema;
    }
    case 'bool':
      // An example given as "true"/"false" (the option is a string) is shown as the boolean.
      return rules.example === undefined
        ? { type: 'boolean' }
        : { type: 'boolean', examples: [rules.example === 'true'] };
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return numeric('integer', { ...INT32 }, rules, strict);
    case 'uint32':
    case 'fixed32':
      return numeric('integer', { minimum: 0, maximum: 4294967295 }, rules, strict);
    case 'double':
    case 'float':
      return numeric('number', {}, rules, strict);
    default:
      throw new Error(`vocabulary: ${field.parent?.fullName}.${field.name} has type ${field.type}, not mapped to JSON`);
  }
};

// The bounds as declared, in words: the day each stands for moves with today.
const dayBoundsInWords = ({ min, max }: { min?: string; max?: string }): string => {
  const range =
    min !== undefined && max !== undefined
      ? `from ${dayBoundInWords(min)} to ${dayBoundInWords(max)}, both included`
      : min !== undefined
        ? `on or after ${dayBoundInWords(min)}`
        : `on or before ${dayBoundInWords(max ?? 'today')}`;
  return `Days ${range} (America/New_York); a day outside answers 422 (rule day-bounds).`;
};

const numeric = (
  type: 'integer' | 'number',
  bounds: { minimum?: number; maximum?: number },
  rules: FieldRules,
  strict: boolean,
): JsonSchema => ({
  type,
  ...(strict ? bounds : {}),
  ...(strict && rules.number?.gte !== undefined ? { minimum: rules.number.gte } : {}),
  ...(strict && rules.number?.lte !== undefined ? { maximum: rules.number.lte } : {}),
  ...(rules.example !== undefined ? { examples: [Number(rules.example)] } : {}),
});

/** One-of rules as JSON Schema, each with the message a client reads when it is broken. */
const alternatives = (type: protobuf.Type, omit: ReadonlySet<string>): JsonSchema => {
  const { oneof, exactlyOneOf } = messageRules(type);
  const has = (f: string) => ({ required: [f] });
  const rules: JsonSchema[] = [];
  for (const o of oneof) {
    const fields = o.fields.map(jsonName).filter((f) => !omit.has(f));
    rules.push({
      oneOf: o.required ? fields.map(has) : [...fields.map(has), { not: { anyOf: fields.map(has) } }],
      'x-ofm-message': `give ${o.required ? 'exactly' : 'at most'} one of ${fields.join(', ')}`,
      'x-ofm-field': fields[0],
    });
  }
  if (exactlyOneOf.length) {
    const sets = exactlyOneOf.map((s) => s.map(jsonName));
    const all = sets.flat();
    rules.push({
      oneOf: sets.map((set) => {
        const others = all.filter((f) => !set.includes(f));
        return { required: set, ...(others.length ? { not: { anyOf: others.map(has) } } : {}) };
      }),
      'x-ofm-message': `give either ${sets.map((s) => s.join(' + ')).join(', or ')} (and nothing of the other)`,
      'x-ofm-field': sets[0]![0],
    });
  }
  if (rules.length === 0) return {};
  return rules.length === 1 ? rules[0]! : { allOf: rules };
};
