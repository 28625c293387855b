import { PROBLEM_TYPE_BASE } from '@ofm/platform';

// The problem statuses of the API, each with what it means and an example as the gateway answers it.
export const PROBLEMS: Record<number, { description: string; example: Record<string, unknown> }> = {
  400: {
    description: 'invalid request: errors name each bad field',
    example: {
      type: `${PROBLEM_TYPE_BASE}validation`,
      title: 'Invalid request',
      status: 400,
      detail: 'The request is not valid: country',
      errors: [{ field: 'country', message: 'country must match ^[A-Z]{2}$ (e.g. "FR")' }],
    },
  },
  401: {
    description: 'no token, or a bad, expired or foreign token',
    example: {
      type: `${PROBLEM_TYPE_BASE}unauthenticated`,
      title: 'Authentication required',
      status: 401,
      detail: 'A bearer token is required (Authorization: Bearer <JWT>)',
    },
  },
  403: {
    description: 'the caller has none of the roles of this route',
    example: {
      type: `${PROBLEM_TYPE_BASE}forbidden`,
      title: 'Forbidden',
      status: 403,
      detail: 'This operation needs one of the roles: ofm-admin, ofm-officer',
    },
  },
  404: {
    description: 'not found, or not visible to this caller',
    example: {
      type: `${PROBLEM_TYPE_BASE}not-found`,
      title: 'Not found',
      status: 404,
      detail: 'member 3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c was not found',
    },
  },
  408: {
    description:
      'the request headers or body did not arrive in time (HTTP_HEADERS_TIMEOUT_MS, HTTP_REQUEST_TIMEOUT_MS)',
    example: {
      type: `${PROBLEM_TYPE_BASE}request-timeout`,
      title: 'Request timeout',
      status: 408,
      detail: 'The request did not arrive in time: headers are expected within 30 s, the whole request within 30 s',
    },
  },
  409: {
    description: 'conflicting state or version (If-Match), or the same Idempotency-Key in flight',
    example: {
      type: `${PROBLEM_TYPE_BASE}conflict`,
      title: 'Conflict',
      status: 409,
      detail: 'version 3 expected, found 4',
    },
  },
  413: {
    description: 'the body is larger than this route takes',
    example: {
      type: `${PROBLEM_TYPE_BASE}payload-too-large`,
      title: 'Payload too large',
      status: 413,
      detail: 'The request body is larger than the 65536 bytes this route takes',
    },
  },
  415: {
    description: 'the body is not of a media type this route takes',
    example: {
      type: `${PROBLEM_TYPE_BASE}unsupported-media-type`,
      title: 'Unsupported media type',
      status: 415,
      detail: 'This route takes a body of type application/json, not application/xml',
    },
  },
  422: {
    description:
      'well-formed but breaks a rule (named in rule / errors), or an Idempotency-Key reused with another body',
    example: {
      // As accreditation refuses a diplomatic agent: each failed criterion by its stable code.
      type: `${PROBLEM_TYPE_BASE}accreditation-criteria`,
      title: 'Rule violated',
      status: 422,
      detail:
        'Member 3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c does not meet 1 accreditation criteria; the refusal is recorded',
      rule: 'accreditation-criteria',
      errors: [{ field: 'diplomatic-passport', message: 'Must hold a diplomatic passport (holds: official)' }],
    },
  },
  428: {
    description: 'the change needs If-Match: the ETag (version) of the resource as last read',
    example: {
      type: `${PROBLEM_TYPE_BASE}precondition-required`,
      title: 'Precondition required',
      status: 428,
      detail: 'If-Match is required: send the ETag of the profile you read, e.g. "1"',
    },
  },
  429: {
    description: 'too many requests from this caller: retry after Retry-After',
    example: {
      type: `${PROBLEM_TYPE_BASE}too-many-requests`,
      title: 'Too many requests',
      status: 429,
      detail: 'Rate limit reached; retry after 1 s',
    },
  },
  431: {
    description: 'the request headers are too large',
    example: {
      type: `${PROBLEM_TYPE_BASE}request-header-fields-too-large`,
      title: 'Request header fields too large',
      status: 431,
      detail: 'The request line and headers are larger than 16384 bytes',
    },
  },
  500: {
    description: 'an unexpected error (nothing of it is shown)',
    example: {
      type: `${PROBLEM_TYPE_BASE}internal`,
      title: 'Internal error',
      status: 500,
      detail: 'An unexpected error occurred',
    },
  },
  503: {
    description: 'a service or the database is unavailable: retry shortly',
    example: {
      type: `${PROBLEM_TYPE_BASE}unavailable`,
      title: 'Service unavailable',
      status: 503,
      detail: 'The service is unavailable; retry shortly',
    },
  },
  504: {
    description: 'a service did not answer in time (a retry with the same Idempotency-Key is safe)',
    example: {
      type: `${PROBLEM_TYPE_BASE}timeout`,
      title: 'Timeout',
      status: 504,
      detail: 'The service did not answer in time',
    },
  },
};

// Every /api/v1 route may answer these; a route lists the others it may answer.
export const COMMON_PROBLEMS = [400, 401, 403, 408, 429, 431, 500, 503, 504];
// Routes that take a body may also answer these.
export const BODY_PROBLEMS = [413, 415];

export const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details (application/problem+json)',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string' },
    rule: { type: 'string', description: 'the broken rule (422)' },
    instance: { type: 'string' },
    errors: {
      type: 'array',
      description: 'one entry per bad field or failed criterion',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
};
