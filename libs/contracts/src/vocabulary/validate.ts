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
}

// One ajv for the process: schemas compile once and are reused for every request.
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv, ['date', 'date-time']);
ajv.addFormat('uuid', new RegExp(UUID_PATTERN));
ajv.addKeyword({ keyword: 'x-ofm-message', schemaType: 'string' });
ajv.addKeyword({ keyword: 'x-ofm-field', schemaType: 'string' });

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
      return { field: name, message: `${name} must be one of ${(schema?.enum as unknown[]).join(', ')}` };
    case 'format': {
      const format = (e.params as { format: string }).format;
      const words: Record<string, string> = {
        date: 'an ISO 8601 date (YYYY-MM-DD) that exists',
        'date-time': 'an ISO 8601 date and time',
        uuid: 'a UUID',
      };
      return { field: name, message: `${name} must be ${words[format] ?? format}` };
    }
    case 'pattern': {
      if (schema?.format === 'uuid') return undefined; // the format error says it better
      if (e.params.pattern === TEXT_PATTERN)
        return { field: name, message: `${name} must not contain control characters` };
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
 * The services' input check: the request as gRPC delivered it, against the same rules as REST.
 * proto3 gives absent fields their default value ('' / 0 / false), so defaults of fields without
 * explicit presence are read as absent, exactly as protovalidate reads them.
 */
export const requestViolations = (fullName: string, request: unknown): FieldViolation[] =>
  violationsOf(requestSchema(fullName), presentFields(messageType(fullName), request));

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
