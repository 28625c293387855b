import { isTransientInfrastructureError } from './transient-error';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
// TypeORM wraps driver errors in QueryFailedError and keeps the original as driverError.
const wrapped = (code: string) => Object.assign(new Error('query failed'), { driverError: pgError(code) });

describe('isTransientInfrastructureError', () => {
  it.each(['08006', '08001', '57P01', '57P03', '53300', '40001', '40P01', 'ECONNREFUSED', 'ECONNRESET'])(
    'is transient: %s',
    (code) => {
      expect(isTransientInfrastructureError(pgError(code))).toBe(true);
      expect(isTransientInfrastructureError(wrapped(code))).toBe(true);
    },
  );

  it('recognises pg connection loss by its message', () => {
    expect(isTransientInfrastructureError(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it.each(['23505', '23503', '42P01', '22P02'])('is the event’s or the code’s fault, not transient: %s', (code) => {
    expect(isTransientInfrastructureError(wrapped(code))).toBe(false);
  });

  it('is not transient for plain handler errors and non-errors', () => {
    expect(isTransientInfrastructureError(new Error('member not found'))).toBe(false);
    expect(isTransientInfrastructureError('boom')).toBe(false);
    expect(isTransientInfrastructureError(undefined)).toBe(false);
  });
});
