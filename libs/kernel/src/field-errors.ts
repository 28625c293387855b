// The one shape of "this field is wrong, and why" (problem+json `errors[]`, CONTRACT.md): rules
// return them, @ofm/platform's DomainError carries them. Field names are the REST camelCase names,
// nested with dots (`combinedSingleLimit.currency`).

export interface FieldError {
  field: string;
  message: string;
}

/** A problem's `detail` for these errors: "The request is not valid: arrivalDate, missionId". */
export const describeFieldErrors = (errors: readonly FieldError[]): string =>
  errors.length === 0
    ? 'The request is not valid'
    : `The request is not valid: ${errors.map((e) => e.field).join(', ')}`;
