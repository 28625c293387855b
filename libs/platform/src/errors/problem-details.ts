import { DomainError, type DomainErrorKind, type FieldError } from './domain.error';

// RFC 9457 problem details, as the gateway answers them and as services carry them in gRPC status details.
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  rule?: string;
  instance?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://ofm.state.gov/problems/';

export const problemType = (slug: string): string => `${PROBLEM_TYPE_BASE}${slug}`;

export const KIND_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
};

const KIND_TITLE: Readonly<Record<DomainErrorKind, string>> = {
  validation: 'Invalid request',
  unauthenticated: 'Authentication required',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  rule: 'Rule violated',
};

// Statuses that are not domain errors but still reach clients (transport, gateway limits, failures).
const OTHER_STATUS: Readonly<Record<number, { slug: string; title: string }>> = {
  405: { slug: 'method-not-allowed', title: 'Method not allowed' },
  406: { slug: 'not-acceptable', title: 'Not acceptable' },
  408: { slug: 'request-timeout', title: 'Request timeout' },
  412: { slug: 'precondition-failed', title: 'Precondition failed' },
  413: { slug: 'payload-too-large', title: 'Payload too large' },
  415: { slug: 'unsupported-media-type', title: 'Unsupported media type' },
  428: { slug: 'precondition-required', title: 'Precondition required' },
  429: { slug: 'too-many-requests', title: 'Too many requests' },
  431: { slug: 'request-header-fields-too-large', title: 'Request header fields too large' },
  500: { slug: 'internal', title: 'Internal error' },
  501: { slug: 'not-implemented', title: 'Not implemented' },
  502: { slug: 'bad-gateway', title: 'Bad gateway' },
  503: { slug: 'unavailable', title: 'Service unavailable' },
  504: { slug: 'timeout', title: 'Timeout' },
};

export const INTERNAL_ERROR_DETAIL = 'An unexpected error occurred';

export const httpStatusForKind = (kind: DomainErrorKind): number => KIND_STATUS[kind];

export const kindForHttpStatus = (status: number): DomainErrorKind | undefined =>
  (Object.keys(KIND_STATUS) as DomainErrorKind[]).find((kind) => KIND_STATUS[kind] === status);

export const problemFromDomainError = (error: DomainError): ProblemDetails => {
  const problem: ProblemDetails = {
    type: problemType(error.kind === 'rule' && error.rule ? error.rule : error.kind),
    title: KIND_TITLE[error.kind],
    status: KIND_STATUS[error.kind],
    detail: error.detail,
  };
  if (error.errors && error.errors.length > 0) problem.errors = error.errors;
  if (error.rule) problem.rule = error.rule;
  return problem;
};

// A problem for a bare HTTP status (Nest HttpExceptions, Fastify errors, transport failures).
export const problemFromStatus = (status: number, detail?: string, errors?: FieldError[]): ProblemDetails => {
  const kind = kindForHttpStatus(status);
  const known = kind ? { slug: kind, title: KIND_TITLE[kind] } : OTHER_STATUS[status];
  const fallback = status >= 500 ? OTHER_STATUS[500]! : { slug: `http-${status}`, title: 'Request failed' };
  const { slug, title } = known ?? fallback;
  const problem: ProblemDetails = {
    type: problemType(slug),
    title,
    status,
    detail: detail ?? (status >= 500 ? INTERNAL_ERROR_DETAIL : title),
  };
  if (errors && errors.length > 0) problem.errors = errors;
  return problem;
};

// Turns a problem back into a DomainError when it is one of ours (e.g. a service's answer that the
// gateway wants to raise again); undefined for transport or internal failures.
export const domainErrorFromProblem = (problem: ProblemDetails): DomainError | undefined => {
  const kind = kindForHttpStatus(problem.status);
  if (!kind) return undefined;
  const options: { errors?: FieldError[]; rule?: string } = {};
  if (problem.errors) options.errors = problem.errors;
  if (problem.rule) options.rule = problem.rule;
  return new DomainError(kind, problem.detail, options);
};

// Lets code that already holds a problem (e.g. the gateway after a gRPC call) throw it as is.
export class ProblemDetailsError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemDetailsError';
  }
}

export const isProblemDetails = (value: unknown): value is ProblemDetails => {
  if (value === null || typeof value !== 'object') return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.type === 'string' &&
    typeof candidate.title === 'string' &&
    typeof candidate.status === 'number' &&
    typeof candidate.detail === 'string'
  );
};
