import {
  describeDayBounds,
  hasVinForm,
  isCountryCode,
  isIsoDay,
  isNorthAmericanVin,
  isValidVin,
  isWithinDayBounds,
  normalizeText,
  normalizeVin,
  ofmDay,
  textProblem,
  vinCheckDigit,
  type DayBounds,
} from '@ofm/kernel';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as protobuf from 'protobufjs';
import { messageSchema, TEXT_PATTERN, UUID_PATTERN, type JsonSchema, type SchemaOptions } from './json-schema';
import { messageType } from './proto-root';
import { isOptional } from './rules';

/** A field that breaks a rule, named by its path (`address.postalCode`) in REST's words. */
export interface FieldViolation {
  field: string;
  message: string;
  // Set where the rule is one JSON Schema cannot state (the document shows it only as an extension
  // and in words): such a request is what the document allows, so it answers 422 with this rule
  // named, not 400 (CONTRACT.md). This is the one place that says which checks are such rules.
  rule?: string;
}

/** The rule of a day outside its field's bounds relative to today (`x-ofm-days`). */
export const DAY_BOUNDS_RULE = 'day-bounds';

// One ajv for the process: schemas compile once and are reused for every request.
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv, ['date', 'date-time']);
ajv.addFormat('uuid', new RegExp(UUID_PATTERN));
ajv.addFormat('country', { type: 'string', validate: isCountryCode });
ajv.addFormat('vin', { type: 'string', validate: isValidVin });
ajv.addKeyword({ keyword: 'x-ofm-message', schemaType: 'string' });
ajv.addKeyword({ keyword: 'x-ofm-field', schemaType: 'string' });
// A day outside its field's bounds; a string that is no day is the format's to name.
ajv.addKeyword({
  keyword: 'x-ofm-days',
  type: 'string',
  schemaType: 'object',
  validate: (bounds: DayBounds, day: string) => !isIsoDay(day) || isWithinDayBounds(day, bounds, today()),
});

// OFM's today, America/New_York, read when a request is checked.
const today = (): string => ofmDay(new Date());

const compiled = new WeakMap<JsonSchema, ValidateFunction>();
const validatorOf = (schema: JsonSchema): ValidateFunction => {
  let fn = compiled.get(schema);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(schema, fn);
  }
  return fn;
};

/** The violations of `value` against `schema`, one per field and rule, in words a client can act on. */
export const violationsOf = (schema: JsonSchema, value: unknown): FieldViolation[] => {
  const validate = validatorOf(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: FieldViolation[] = [];
  for (const e of validate.errors ?? []) {
    // Errors inside an alternative are reported once, by the rule that holds the alternatives.
    if (/\/(oneOf|anyOf|not)\//.test(e.schemaPath)) continue;
    const v = describe(e);
    if (!v) continue;
    const key = `${v.field}\u0000${v.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
};

const pathOf = (e: ErrorObject): string =>
  e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

const join = (parent: string, child: string) => (parent ? `${parent}.${child}` : child);

const describe = (e: ErrorObject): FieldViolation | undefined => {
  const at = pathOf(e);
  const schema = e.parentSchema as JsonSchema | undefined;
  const name = at || 'body';
  switch (e.keyword) {
    case 'additionalProperties': {
      const prop = (e.params as { additionalProperty: string }).additionalProperty;
      return { field: join(at, prop), message: `property ${prop} should not exist` };
    }
    case 'required': {
      const prop = (e.params as { missingProperty: string }).missingProperty;
      return { field: join(at, prop), message: `${prop} is required` };
    }
    case 'oneOf':
      // The branches' own errors (a missing field of one alternative) say nothing useful alone.
      if (schema?.['x-ofm-message'])
        return { field: join(at, String(schema['x-ofm-field'])), message: String(schema['x-ofm-message']) };
      return { field: name, message: 'must match exactly one alternative' };
    case 'enum':
      // A country code's enum is the list of assigned codes: the format's error says it in words.
      if (schema?.format === 'country') return undefined;
      return { field: name, message: `${name} must be one of ${(schema?.enum as unknown[]).join(', ')}` };
    case 'format': {
      const format = (e.params as { format: string }).format;
      if (format === 'vin') return { field: name, message: vinMessage(name, e.data) };
      const words: Record<string, string> = {
        date: 'an ISO 8601 date (YYYY-MM-DD) that exists',
        'date-time': 'an ISO 8601 date and time',
        uuid: 'a UUID',
        country: 'an assigned ISO 3166-1 alpha-2 country code in capitals (e.g. "FR")',
      };
      return { field: name, message: `${name} must be ${words[format] ?? format}` };
    }
    case 'x-ofm-days':
      return {
        field: name,
        message: `${name} must be ${describeDayBounds(e.schema as DayBounds, today())}`,
        rule: DAY_BOUNDS_RULE,
      };
    case 'pattern': {
      // The format error says it better.
      if (schema?.format === 'uuid' || schema?.format === 'country' || schema?.format === 'vin') return undefined;
      if (e.params.pattern === TEXT_PATTERN) {
        const problem = typeof e.data === 'string' ? textProblem(e.data) : undefined;
        return problem ? { field: name, message: `${name} ${problem}` } : undefined;
      }
      const example = (schema?.examples as unknown[] | undefined)?.[0];
      return {
        field: name,
        message: `${name} must match ${String(e.params.pattern)}${example !== undefined ? ` (e.g. "${String(example)}")` : ''}`,
      };
    }
    case 'type':
      return { field: name, message: `${name} must be ${article(String(e.params.type))}` };
    case 'minLength':
      return e.params.limit === 1
        ? { field: name, message: `${name} must not be empty` }
        : { field: name, message: `${name} must be at least ${e.params.limit} characters` };
    case 'maxLength':
      return { field: name, message: `${name} must be at most ${e.params.limit} characters` };
    case 'minimum':
    case 'maximum':
      return { field: name, message: `${name} must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${e.params.limit}` };
    case 'maxItems':
      return { field: name, message: `${name} must have at most ${e.params.limit} items` };
    case 'not':
      if ((schema?.not as JsonSchema | undefined)?.const === 0)
        return { field: name, message: `${name} is required, and 0 is no value on the wire` };
      return undefined;
    case 'anyOf':
    case 'allOf':
    case 'if':
      return undefined; // reported through the rule that holds them (oneOf)
    default:
      return { field: name, message: `${name} ${e.message ?? 'is not valid'}` };
  }
};

// A VIN of the right form fails only on its check digit, which the message gives: a typing error
// is found at once, and a forger learns nothing a published formula does not tell.
const vinMessage = (name: string, vin: unknown): string =>
  typeof vin === 'string' && hasVinForm(vin) && isNorthAmericanVin(vin)
    ? `${name} must carry its check digit ${vinCheckDigit(vin)} at position 9, as a North American VIN does (49 CFR 565)`
    : `${name} must be a VIN: 17 letters and digits without I, O or Q`;

const article = (type: string): string =>
  type === 'integer' ? 'an integer' : type === 'object' || type === 'array' ? `an ${type}` : `a ${type}`;

/** The request schema of a message, cached: what the gateway checks a body against. */
const requestSchemas = new Map<string, JsonSchema>();
export const requestSchema = (fullName: string, options: SchemaOptions = {}): JsonSchema => {
  const key = `${fullName}|${(options.omit ?? []).join(',')}`;
  let schema = requestSchemas.get(key);
  if (!schema) {
    schema = messageSchema(fullName, 'request', options);
    requestSchemas.set(key, schema);
  }
  return schema;
};

/**
 * A value in the form it is checked and stored in: free text in Unicode NFC without surrounding
 * white space, a VIN in upper case. The schema says which strings are which (free text carries the
 * text pattern, a VIN the vin format), so the gateway and the services normalise alike; the value
 * given is left as it was. Only fields the schema declares are visited, so the depth of the walk is
 * the schema's, whatever the depth of the value.
 */
export const normalized = (schema: JsonSchema, value: unknown): unknown => {
  if (typeof value === 'string') return normalizedString(schema, value);
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    return items ? value.map((v) => normalized(items, v)) : value;
  }
  const properties = schema.properties as Record<string, JsonSchema> | undefined;
  if (value === null || typeof value !== 'object' || !properties) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const [key, v] of Object.entries(value)) {
    if (Object.hasOwn(properties, key)) out[key] = normalized(properties[key]!, v);
  }
  return out;
};

const normalizedString = (schema: JsonSchema, value: string): string =>
  schema.pattern === TEXT_PATTERN ? normalizeText(value) : schema.format === 'vin' ? normalizeVin(value) : value;

/**
 * The services' input check: the request as gRPC delivered it, against the same rules as REST.
 * proto3 gives absent fields their default value ('' / 0 / false), so defaults of fields without
 * explicit presence are read as absent, exactly as protovalidate reads them.
 *
 * The request is normalised in place first (see `normalized`): the handler then stores exactly the
 * text that was checked, whoever called the service, and a name typed with a trailing space or in
 * decomposed Unicode is the same name as the one typed without.
 */
export const requestViolations = (fullName: string, request: unknown): FieldViolation[] => {
  const schema = requestSchema(fullName);
  if (request !== null && typeof request === 'object' && !Array.isArray(request))
    Object.assign(request, normalized(schema, request));
  return violationsOf(schema, presentFields(messageType(fullName), request));
};

const isDefault = (field: protobuf.Field, value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (field.repeated ? Array.isArray(value) && value.length === 0 : false) ||
  (!field.repeated &&
    !isOptional(field) &&
    !(field.resolvedType instanceof protobuf.Type) &&
    (value === '' || value === 0 || value === false));

const presentFields = (type: protobuf.Type, value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const field of type.fieldsArray) {
    const v = (value as Record<string, unknown>)[field.name];
    if (isDefault(field, v)) continue;
    const nested = field.resolvedType instanceof protobuf.Type ? field.resolvedType : undefined;
    out[field.name] = nested
      ? field.repeated
        ? (v as unknown[]).map((x) => presentFields(nested, x))
        : presentFields(nested, v)
      : v;
  }
  return out;
};
