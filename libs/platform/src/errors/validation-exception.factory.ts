import { DomainError, validationFailed, type FieldError } from './domain.error';

// The part of class-validator's ValidationError we read (kept structural: no class-validator import).
export interface ValidationErrorLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationErrorLike[];
}

// For `new ValidationPipe({ exceptionFactory: validationExceptionFactory, ... })`: one FieldError per
// failed constraint, with the full dotted path of nested properties.
export const validationExceptionFactory = (errors: ValidationErrorLike[]): DomainError =>
  validationFailed(flattenValidationErrors(errors));

export const flattenValidationErrors = (errors: ValidationErrorLike[], parent = ''): FieldError[] =>
  errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
