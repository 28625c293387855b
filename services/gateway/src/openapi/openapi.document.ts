import type { Type } from '@nestjs/common';
import { vocabulary, type vocabulary as V } from '@ofm/contracts';
import { PROBLEM_CONTENT_TYPE } from '@ofm/platform';
import type { ApiRouteOptions } from '../http/api-route.decorator';
import { documentedRoutes, type DocumentedRoute } from '../http/routes';
import { bindingSchemas } from '../http/request-binding';
import { BODY_PROBLEMS, COMMON_PROBLEMS, PROBLEM_SCHEMA, PROBLEMS } from './problems';

type JsonSchema = V.JsonSchema;
export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

export const OPENAPI_PATH = '/api/v1/openapi.json';
export const DOCS_PATH = '/docs';
export const BEARER_SCHEME = 'bearer';

/**
 * The OpenAPI 3.1 description of /api/v1, derived from the same declarations the server enforces:
 * each route's @ApiRoute (roles, request and answer messages) and the proto rules of those messages.
 * A request the document allows is one the gateway's validation allows, and the reverse.
 */
export const buildOpenApiDocument = (controllers: Type<unknown>[]): OpenApiDocument => {
  const paths: OpenApiDocument['paths'] = {};
  for (const r of documentedRoutes(controllers)) {
    const openapiPath = r.path.replace(/:(\w+)/g, '{$1}');
    (paths[openapiPath] ??= {})[r.method] = operation(r);
  }
  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'OFM Mission Platform API',
      version: '1',
      description:
        'REST API of the Office of Foreign Missions platform. Every /api/v1 route needs `Authorization: Bearer <JWT>`; ' +
        'each operation lists the roles that may call it. Errors are RFC 9457 application/problem+json. ' +
        'POST accepts `Idempotency-Key`; resources carry `version` (also the ETag); updates take `If-Match`.',
    },
    servers: [{ url: '/' }],
    security: [{ [BEARER_SCHEME]: [] }],
    paths,
    components: {
      securitySchemes: {
        [BEARER_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'claims: sub, roles, mission_id',
        },
      },
      schemas: { Problem: PROBLEM_SCHEMA },
    },
  };
};

const operation = (r: DocumentedRoute): Record<string, unknown> => {
  const { route } = r;
  const binding = route.request;
  const schemas = binding ? bindingSchemas(binding) : undefined;
  const parameters: Record<string, unknown>[] = [];
  for (const [param, field] of Object.entries(binding?.path ?? {})) {
    parameters.push({ name: param, in: 'path', required: true, schema: schemas!.fields[field] });
  }
  if (binding?.query && (schemas!.query.oneOf || schemas!.query.allOf)) {
    // A rule across parameters (e.g. idCard or plate, not both) can only be stated on them together:
    // one object parameter, exploded into the query string as form fields.
    parameters.push({
      name: 'query',
      in: 'query',
      required: true,
      style: 'form',
      explode: true,
      schema: schemas!.query,
    });
  } else if (binding?.query) {
    const query = schemas!.query;
    for (const [name, schema] of Object.entries(query.properties as Record<string, JsonSchema>)) {
      parameters.push({
        name,
        in: 'query',
        required: ((query.required as string[] | undefined) ?? []).includes(name),
        schema,
        ...(schema.description ? { description: schema.description } : {}),
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'replays the stored answer for a repeated request with the same key and body; a retry is always safe',
      schema: {
        type: 'string',
        minLength: 1,
        maxLength: 255,
        pattern: '^[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?$',
      },
    });
  }
  if (binding?.ifMatch) {
    // Required where the route answers 428 without it (a whole resource replaced, e.g. a profile).
    const required = (route.problems ?? []).includes(428);
    parameters.push({
      name: 'If-Match',
      in: 'header',
      required,
      description: required
        ? 'the ETag (version) the change expects, e.g. "3"; 428 without it, 409 if it moved'
        : 'the ETag (version) the change expects, e.g. "3"; 409 if it moved',
      // Where it is required, * ("any version") is refused: the change must name the version it read.
      schema: {
        type: 'string',
        pattern: required ? '^("[1-9][0-9]{0,8}"|[1-9][0-9]{0,8})$' : '^(\\*|"[1-9][0-9]{0,8}"|[1-9][0-9]{0,8})$',
      },
    });
  }
  const hasBody = binding !== undefined && !binding.query && Object.keys(schemas!.body.properties as object).length > 0;
  const status = route.status ?? 200;
  // A day outside its bounds relative to today is a rule the schema cannot state: 422 (day-bounds).
  const dayBounded = schemas !== undefined && declares(schemas.fields, 'x-ofm-days');
  const problems = [
    ...new Set([
      ...COMMON_PROBLEMS,
      ...(hasBody || route.csv ? BODY_PROBLEMS : []),
      ...(dayBounded ? [422] : []),
      ...(route.problems ?? []),
    ]),
  ].sort();
  const responses: Record<string, unknown> = {
    [status]: {
      description: 'success',
      ...(route.answer ? { content: { 'application/json': { schema: answerSchema(route) } } } : {}),
      ...successHeaders(route, status),
    },
  };
  for (const s of problems) {
    responses[s] = {
      description: PROBLEMS[s]!.description,
      content: {
        [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' }, example: PROBLEMS[s]!.example },
      },
    };
  }
  return {
    tags: [route.tag],
    operationId: r.handler.replace('Controller.', '.'),
    summary: route.summary,
    description: `${route.description ? `${route.description}\n\n` : ''}**Roles:** ${route.roles.join(', ')}`,
    ...(parameters.length ? { parameters } : {}),
    ...(hasBody
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemas!.body, example: exampleOf(schemas!.body) } },
          },
        }
      : {}),
    // A CSV route (an insurer feed) takes text, never empty: its columns are in the route's description.
    ...(route.csv
      ? { requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string', minLength: 1 } } } } }
      : {}),
    responses,
  };
};

// True when a schema, or one nested in it, carries the keyword.
const declares = (schema: unknown, keyword: string): boolean =>
  schema !== null &&
  typeof schema === 'object' &&
  (Object.hasOwn(schema, keyword) || Object.values(schema).some((v) => declares(v, keyword)));

const successHeaders = (route: ApiRouteOptions, status: number): Record<string, unknown> => {
  const headers: Record<string, unknown> = {};
  // withEtag sends the version of a single resource; a message without one (a policy, a verification) has none.
  const single =
    route.answer && !route.answer.page ? vocabulary.messageSchema(route.answer.message, 'answer') : undefined;
  if (single && 'version' in (single.properties as object))
    headers.ETag = { description: 'the version of the resource, for If-Match', schema: { type: 'string' } };
  if (status === 201) headers.Location = { description: 'URL of the created resource', schema: { type: 'string' } };
  return Object.keys(headers).length ? { headers } : {};
};

const answerSchema = (route: ApiRouteOptions): JsonSchema => {
  const { message, page, with: extra } = route.answer!;
  let schema = vocabulary.messageSchema(message, 'answer');
  if (extra) {
    const props = { ...(schema.properties as object) } as Record<string, JsonSchema>;
    for (const [name, m] of Object.entries(extra)) props[name] = vocabulary.messageSchema(m, 'answer');
    schema = {
      ...schema,
      properties: props,
      required: [...((schema.required as string[]) ?? []), ...Object.keys(extra)],
    };
  }
  if (!page) return schema;
  return {
    type: 'object',
    required: ['items', 'nextCursor'],
    properties: {
      items: { type: 'array', items: schema },
      nextCursor: { type: ['string', 'null'], description: 'the cursor of the next page; null on the last page' },
    },
  };
};

/**
 * A request example from the fields' declared examples: every required field, and each optional
 * field that declares an example, keeping to the first alternative of an either/or rule.
 */
export const exampleOf = (schema: JsonSchema): unknown => {
  if (schema.examples) return (schema.examples as unknown[])[0];
  if (schema.enum) return (schema.enum as unknown[])[0];
  if (schema.type !== 'object') return undefined;
  const excluded = excludedByAlternatives(schema);
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties as Record<string, JsonSchema>)) {
    if (excluded.has(name)) continue;
    const chosen = alternativeFields(schema).has(name);
    if (!required.has(name) && !chosen && !prop.examples) continue;
    const value = exampleOf(prop);
    if (value !== undefined) out[name] = value;
  }
  return out;
};

const rulesOf = (schema: JsonSchema): JsonSchema[] =>
  schema.allOf ? (schema.allOf as JsonSchema[]) : schema.oneOf ? [schema] : [];

// The fields of the first branch of each either/or rule are taken; those of the other branches are not.
const alternativeFields = (schema: JsonSchema): Set<string> =>
  new Set(rulesOf(schema).flatMap((r) => ((r.oneOf as JsonSchema[])[0]?.required as string[] | undefined) ?? []));

const excludedByAlternatives = (schema: JsonSchema): Set<string> =>
  new Set(
    rulesOf(schema).flatMap((r) =>
      (r.oneOf as JsonSchema[]).slice(1).flatMap((b) => (b.required as string[] | undefined) ?? []),
    ),
  );
