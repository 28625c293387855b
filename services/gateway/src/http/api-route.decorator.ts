import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, Roles, type Role } from '@ofm/platform';
import { ProblemView } from './problem.view';

export const BEARER_SCHEME = 'bearer';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'invalid request (errors name each bad field)',
  401: 'no token, or a bad, expired or foreign token',
  403: 'the caller has none of the roles of this route',
  404: 'not found, or not visible to this caller',
  409: 'conflicting state or version (If-Match), or the same Idempotency-Key in flight',
  422: 'well-formed but breaks a rule (named in rule / errors), or an Idempotency-Key reused with another body',
  503: 'a downstream service is unavailable',
  504: 'a downstream service did not answer in time',
};

export interface ApiRouteOptions {
  summary: string;
  roles: Role[];
  description?: string;
  // Success status and body type.
  status?: number;
  type?: Type<unknown>;
  // Problem statuses beyond 400/401/403/503/504, which every route may answer.
  problems?: number[];
  idempotent?: boolean;
  ifMatch?: boolean;
}

// One decorator per route: the roles it allows (read by HttpAuthGuard, and tested for every route)
// and its OpenAPI description, which states the same roles.
export const ApiRoute = (o: ApiRouteOptions): MethodDecorator => {
  const status = o.status ?? 200;
  const problems = [...new Set([400, 401, 403, ...(o.problems ?? []), 503, 504])].sort();
  const headers: Record<string, { description: string; schema: { type: 'string' } }> = {};
  if (o.type && status < 300)
    headers.ETag = { description: 'the version of the resource, for If-Match', schema: { type: 'string' } };
  if (status === 201) headers.Location = { description: 'URL of the created resource', schema: { type: 'string' } };
  const decorators = [
    Roles(...o.roles),
    ApiBearerAuth(BEARER_SCHEME),
    ApiOperation({
      summary: o.summary,
      description: `${o.description ? `${o.description}\n\n` : ''}**Roles:** ${o.roles.join(', ')}`,
    }),
    ApiResponse({
      status,
      description: 'success',
      ...(o.type ? { type: o.type } : {}),
      ...(Object.keys(headers).length ? { headers } : {}),
    }),
    ...problems.map((s) =>
      ApiResponse({
        status: s,
        description: PROBLEM_DESCRIPTIONS[s] ?? 'problem',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemView) } } },
      }),
    ),
  ];
  if (o.idempotent) {
    decorators.push(
      ApiHeader({
        name: 'Idempotency-Key',
        required: false,
        description: 'replays the stored answer for a repeated request with the same key and body',
      }),
    );
  }
  if (o.ifMatch)
    decorators.push(
      ApiHeader({
        name: 'If-Match',
        required: false,
        description: 'ETag (version) the change expects; 409 if it moved',
      }),
    );
  return applyDecorators(...decorators);
};
