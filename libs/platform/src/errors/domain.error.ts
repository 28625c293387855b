import { describeFieldErrors, type FieldError } from '@ofm/kernel';

// The errors a service raises on purpose. Each kind has one HTTP status and one gRPC code, so a
// rule broken in a service reaches the gateway's client as the same problem+json, whatever the hop.
export const DOMAIN_ERROR_KINDS = [
  'validation',
  'rule',
  'not-found',
  'conflict',
  'forbidden',
  'unauthenticated',
] as const;

export type DomainErrorKind = (typeof DOMAIN_ERROR_KINDS)[number];

// The shape of a field error is the kernel's, so that pure rules name it without importing the platform.
export type { FieldError };

export interface DomainErrorOptions {
  errors?: FieldError[];
  // Name of the broken rule (kind 'rule'), e.g. 'insurance-below-minimum'; becomes the problem type.
  rule?: string;
}

export class DomainError extends Error {
  readonly errors?: FieldError[];
  readonly rule?: string;

  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: string,
    options: DomainErrorOptions = {},
  ) {
    super(detail);
    this.name = 'DomainError';
    if (options.errors !== undefined) this.errors = options.errors;
    if (options.rule !== undefined) this.rule = options.rule;
  }
}

export const isDomainError = (value: unknown): value is DomainError => value instanceof DomainError;

export const validationFailed = (errors: FieldError[], detail = describeFieldErrors(errors)): DomainError =>
  new DomainError('validation', detail, { errors });

export const ruleViolated = (rule: string, detail: string, errors?: FieldError[]): DomainError =>
  new DomainError('rule', detail, errors ? { rule, errors } : { rule });

export const notFound = (what: string, id: string): DomainError =>
  new DomainError('not-found', `${what} ${id} was not found`);

export const conflict = (detail: string): DomainError => new DomainError('conflict', detail);

export const forbidden = (detail = 'This caller may not do this'): DomainError => new DomainError('forbidden', detail);

export const unauthenticated = (detail = 'Authentication is required'): DomainError =>
  new DomainError('unauthenticated', detail);

/** A field refused by the input check; `rule` is set for a rule the document cannot state. */
export interface InputViolation extends FieldError {
  rule?: string;
}

// The one mapping of an input check's violations to an answer, used by the gateway and by every
// service's gRPC input check alike. 400 means "not what the document allows"; a request the
// document allows that still breaks a rule it cannot state (a day outside its bounds relative to
// today) answers 422 with the rule named (CONTRACT.md). Which violations are such rules is the
// vocabulary's to say (FieldViolation.rule); one violation of any other kind makes the whole 400.
export const inputRefused = (violations: readonly InputViolation[]): DomainError => {
  const errors = violations.map(({ field, message }) => ({ field, message }));
  const rule = violations.length > 0 && violations.every((v) => v.rule) ? violations[0]!.rule! : undefined;
  if (!rule) return validationFailed(errors);
  return ruleViolated(rule, `The request breaks the rule ${rule}: ${errors.map((e) => e.field).join(', ')}`, errors);
};
