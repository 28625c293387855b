import { loadAccreditationConfig } from '../config';

// The tenure variables as the service reads them at start: a bad value stops it, naming the variable.
const env = (over: Record<string, string> = {}) => ({
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/ofm_accreditation',
  KAFKA_BROKERS: '127.0.0.1:9092',
  ...over,
});

describe('tenure and recertification configuration', () => {
  it('defaults to DOMAIN.md: 5 years for A&T and service staff, an hourly sweep, a yearly cycle', () => {
    const config = loadAccreditationConfig(env());
    expect(config.TENURE_LIMIT_YEARS).toEqual({ 'administrative-technical': 5, 'service-staff': 5 });
    expect(config.TENURE_SWEEP_INTERVAL_MS).toBe(3_600_000);
    expect(config.RECERTIFICATION_CYCLE_DAYS).toBe(365);
  });

  it('reads other limits and "none"', () => {
    expect(loadAccreditationConfig(env({ TENURE_LIMIT_YEARS: 'diplomatic-agent=10' })).TENURE_LIMIT_YEARS).toEqual({
      'diplomatic-agent': 10,
    });
    expect(loadAccreditationConfig(env({ TENURE_LIMIT_YEARS: 'none' })).TENURE_LIMIT_YEARS).toEqual({});
  });

  it.each([
    [{ TENURE_LIMIT_YEARS: 'ambassador=5' }, /TENURE_LIMIT_YEARS: "ambassador" is not a member category/],
    [
      { TENURE_LIMIT_YEARS: 'service-staff=x' },
      /TENURE_LIMIT_YEARS: the limit of service-staff must be a whole number/,
    ],
    [{ TENURE_SWEEP_INTERVAL_MS: '-1' }, /TENURE_SWEEP_INTERVAL_MS: expected an integer >= 0/],
    [{ RECERTIFICATION_CYCLE_DAYS: '0' }, /RECERTIFICATION_CYCLE_DAYS: expected an integer >= 1/],
  ])('refuses %o at start-up', (over, message) => {
    expect(() => loadAccreditationConfig(env(over))).toThrow(message);
  });
});
