import { vocabulary, type vocabulary as V } from '@ofm/contracts';
import { inputRefused, type InputViolation } from '@ofm/platform';
import type { RequestBinding } from './api-route.decorator';
import { expectedVersionFrom } from './etag';

type JsonSchema = V.JsonSchema;

export interface HttpParts {
  params: Record<string, string | undefined>;
  query: Record<string, unknown>;
  body: unknown;
  ifMatch: string | string[] | undefined;
}

const PAGE_MESSAGE = 'ofm.common.v1.PageRequest';

const schemas = new Map<
  string,
  { body: JsonSchema; query: JsonSchema; fields: Record<string, JsonSchema>; paged: boolean }
>();

/** The REST schemas of a route's request, derived once from its gRPC request message. */
export const bindingSchemas = (binding: RequestBinding) => {
  const key = JSON.stringify(binding);
  let found = schemas.get(key);
  if (!found) {
    const full = vocabulary.messageSchema(binding.message, 'request');
    const fields = full.properties as Record<string, JsonSchema>;
    const omit = [...Object.values(binding.path ?? {}), ...(binding.ifMatch ? [binding.ifMatch] : [])];
    const body = binding.body ? fields[binding.body]! : vocabulary.requestSchema(binding.message, { omit });
    // A list's request has a page, whose fields are the query's limit and cursor; another query
    // (the verification's) has only its own fields.
    const paged = 'page' in fields;
    const filters = vocabulary.messageSchema(binding.message, 'request', { omit: [...omit, 'page'] });
    const page = paged ? vocabulary.messageSchema(PAGE_MESSAGE, 'request') : { properties: {} };
    const query = {
      ...filters,
      properties: { ...(page.properties as object), ...(filters.properties as object) },
    };
    found = { body, query, fields, paged };
    schemas.set(key, found);
  }
  return found;
};

/**
 * The gRPC request of a route from the HTTP request's parts, checked against the rules the proto
 * declares; every broken rule is named (400, or 422 for a rule the document cannot state, see
 * inputRefused). Nothing here knows a field by name. Values are normalised (free text NFC and
 * trimmed, VINs in upper case) before they are checked, as the services do (@ofm/contracts
 * `normalized`), so what is checked here is what is sent and stored.
 */
export const bindRequest = (binding: RequestBinding, http: HttpParts): Record<string, unknown> => {
  const { body, query, fields, paged } = bindingSchemas(binding);
  const errors: InputViolation[] = [];
  const request: Record<string, unknown> = {};

  for (const [param, field] of Object.entries(binding.path ?? {})) {
    const value = vocabulary.normalized(fields[field]!, http.params[param] ?? '') as string;
    const problems = vocabulary.violationsOf(fields[field]!, value);
    errors.push(...problems.map((p) => ({ ...p, field: param, message: p.message.replace(/^body/, param) })));
    request[field] = fields[field]!.format === 'uuid' ? value.toLowerCase() : value;
  }

  if (binding.query) {
    const typed = typedQuery(query, http.query);
    const values = vocabulary.normalized(query, typed.values) as Record<string, unknown>;
    errors.push(...typed.errors, ...vocabulary.violationsOf(query, values));
    if (paged) {
      const { limit, cursor, ...filters } = values;
      Object.assign(request, filters, { page: { limit: limit ?? 0, cursor: cursor ?? '' } });
    } else {
      Object.assign(request, values);
    }
  } else if (binding.message) {
    // No body at all reads as an empty one, so that each required field is named.
    const given = vocabulary.normalized(body, http.body === undefined ? {} : http.body);
    errors.push(...vocabulary.violationsOf(body, given));
    if (given && typeof given === 'object' && !Array.isArray(given)) {
      if (binding.body) request[binding.body] = given;
      else Object.assign(request, given);
    }
  }

  if (binding.ifMatch) {
    try {
      request[binding.ifMatch] = expectedVersionFrom(http.ifMatch);
    } catch {
      errors.push({ field: 'If-Match', message: 'If-Match must be the strong ETag of the resource, e.g. "3"' });
    }
  }
  if (errors.length) throw inputRefused(errors);
  return request;
};

// Query values are text: an integer parameter is a plain decimal number, and "1e2", "0x10", "+5",
// " 5" or "05", which Number() would read, are refused by name rather than guessed at; a repeated
// parameter is refused by the schema as not a single value.
const DECIMAL = /^(0|[1-9][0-9]{0,9})$/;
const typedQuery = (
  schema: JsonSchema,
  query: Record<string, unknown>,
): { values: Record<string, unknown>; errors: InputViolation[] } => {
  const properties = schema.properties as Record<string, JsonSchema>;
  const values: Record<string, unknown> = {};
  const errors: InputViolation[] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    const type = Object.hasOwn(properties, name) ? properties[name]!.type : undefined;
    if (typeof value === 'string' && type === 'integer') {
      if (DECIMAL.test(value)) values[name] = Number(value);
      else errors.push({ field: name, message: `${name} must be a plain decimal integer, e.g. 50` });
    } else if (typeof value === 'string' && type === 'boolean' && (value === 'true' || value === 'false')) {
      values[name] = value === 'true';
    } else {
      values[name] = value;
    }
  }
  return { values, errors };
};
