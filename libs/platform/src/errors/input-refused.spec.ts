import { inputRefused } from './domain.error';
import { problemFromDomainError } from './problem-details';

const badDay = {
  field: 'expiresOn',
  message: 'expiresOn must be between 2026-12-01 and 2036-12-01',
  rule: 'day-bounds',
};
const badType = { field: 'licenceClass', message: 'licenceClass must be a string' };

describe('inputRefused', () => {
  it('answers 422 with the rule named when every violation is a rule the document cannot state', () => {
    expect(problemFromDomainError(inputRefused([badDay]))).toEqual({
      type: 'https://ofm.state.gov/problems/day-bounds',
      title: 'Rule violated',
      status: 422,
      detail: 'The request breaks the rule day-bounds: expiresOn',
      rule: 'day-bounds',
      errors: [{ field: 'expiresOn', message: badDay.message }],
    });
  });

  it('answers 400 naming every field when one violation is not what the document allows', () => {
    expect(problemFromDomainError(inputRefused([badDay, badType]))).toEqual({
      type: 'https://ofm.state.gov/problems/validation',
      title: 'Invalid request',
      status: 400,
      detail: 'The request is not valid: expiresOn, licenceClass',
      errors: [
        { field: 'expiresOn', message: badDay.message },
        { field: 'licenceClass', message: badType.message },
      ],
    });
  });

  it('answers 400 for schema violations alone', () =>
    expect(inputRefused([badType])).toMatchObject({ kind: 'validation', errors: [badType] }));
});
