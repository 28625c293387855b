import { describeFieldErrors, type FieldError } from './field-errors';

describe('describeFieldErrors', () => {
  it('names every field, in order', () => {
    const errors: FieldError[] = [
      { field: 'arrivalDate', message: 'must not be before dateOfBirth' },
      { field: 'combinedSingleLimit.currency', message: 'must be USD' },
    ];
    expect(describeFieldErrors(errors)).toBe('The request is not valid: arrivalDate, combinedSingleLimit.currency');
  });

  it('says only that the request is not valid when no field is named', () => {
    expect(describeFieldErrors([])).toBe('The request is not valid');
  });
});
