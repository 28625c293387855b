import { TestClock } from '@ofm/kernel';
import { loadVehiclesConfig } from '../config';
import { coverageVerdict, type CoverageState } from './coverage-verdict';

const env = { DATABASE_URL: 'postgres://u:p@localhost:5432/vehicles', KAFKA_BROKERS: 'localhost:9092' };
const active: CoverageState = {
  kind: 'car',
  registrationStatus: 'active',
  insuranceStatus: 'insured',
  lapseFlagId: null,
};
const policy = { effectiveDate: '2026-01-01', expirationDate: '2026-03-01' };

describe('coverageVerdict', () => {
  it('leaves an active, insured, covered registration alone', () => {
    expect(coverageVerdict(active, [policy], '2026-02-28', 0)).toEqual({ action: 'none' });
  });

  it('lapses and suspends on the first uncovered day with grace 0', () => {
    expect(coverageVerdict(active, [policy], '2026-03-01', 0)).toEqual({
      action: 'lapse',
      lapsedOn: '2026-03-01',
      newlyLapsed: true,
      suspends: true,
    });
  });

  it('with grace, flags at once and suspends only when the grace has run out, each once', () => {
    expect(coverageVerdict(active, [policy], '2026-03-01', 3)).toMatchObject({ newlyLapsed: true, suspends: false });
    const lapsed = { ...active, insuranceStatus: 'lapsed' as const, lapseFlagId: 'f-1' };
    expect(coverageVerdict(lapsed, [policy], '2026-03-03', 3)).toEqual({ action: 'none' });
    expect(coverageVerdict(lapsed, [policy], '2026-03-04', 3)).toMatchObject({ newlyLapsed: false, suspends: true });
    const suspended = { ...lapsed, registrationStatus: 'suspended' as const };
    expect(coverageVerdict(suspended, [policy], '2026-03-10', 3)).toEqual({ action: 'none' });
  });

  it('reinstates at the start of a renewal recorded in advance, from pending-insurance or suspended', () => {
    const renewal = { effectiveDate: '2026-03-05', expirationDate: '2027-03-05' };
    const suspended: CoverageState = {
      ...active,
      registrationStatus: 'suspended',
      insuranceStatus: 'lapsed',
      lapseFlagId: 'f-1',
    };
    expect(coverageVerdict(suspended, [policy, renewal], '2026-03-04', 0)).toEqual({ action: 'none' });
    expect(coverageVerdict(suspended, [policy, renewal], '2026-03-05', 0)).toEqual({ action: 'reinstate' });
    const pending: CoverageState = { ...active, registrationStatus: 'pending-insurance', insuranceStatus: 'uninsured' };
    expect(coverageVerdict(pending, [renewal], '2026-03-04', 0)).toEqual({ action: 'none' });
    expect(coverageVerdict(pending, [renewal], '2026-03-05', 0)).toEqual({ action: 'reinstate' });
  });

  it('a cancellation is a boundary: the cover ends at the start of its day', () => {
    const cancelled = { ...policy, cancelledOn: '2026-02-10' };
    expect(coverageVerdict(active, [cancelled], '2026-02-09', 0)).toEqual({ action: 'none' });
    expect(coverageVerdict(active, [cancelled], '2026-02-10', 0)).toMatchObject({ lapsedOn: '2026-02-10' });
    // Cancelled before it began: the vehicle was insured by it on paper only, so it lapses today.
    const never = { ...policy, cancelledOn: '2026-01-01' };
    expect(coverageVerdict(active, [never], '2026-01-15', 0)).toMatchObject({ lapsedOn: '2026-01-15', suspends: true });
  });

  it('a disposal-due registration is flagged but not suspended; trailers and disposed vehicles are not judged', () => {
    const due: CoverageState = { ...active, registrationStatus: 'disposal-due' };
    expect(coverageVerdict(due, [policy], '2026-03-01', 0)).toMatchObject({ newlyLapsed: true, suspends: false });
    expect(coverageVerdict({ ...active, kind: 'trailer' }, [], '2026-03-01', 0)).toEqual({ action: 'none' });
    expect(coverageVerdict({ ...active, registrationStatus: 'disposed' }, [policy], '2026-03-01', 0)).toEqual({
      action: 'none',
    });
  });

  it('never calls a vehicle that was never insured lapsed', () => {
    const pending: CoverageState = { ...active, registrationStatus: 'pending-insurance', insuranceStatus: 'uninsured' };
    expect(coverageVerdict(pending, [], '2026-03-01', 0)).toEqual({ action: 'none' });
  });
});

describe('lapse timing under a test clock', () => {
  it('lapses within a minute of the end: the day turns at midnight in New York and a pass runs at least every minute', () => {
    const { INSURANCE_SWEEP_INTERVAL_MS } = loadVehiclesConfig(env);
    expect(INSURANCE_SWEEP_INTERVAL_MS).toBeLessThanOrEqual(60_000);
    // 23:59:30 EST on 28 February: the policy still covers.
    const clock = new TestClock(new Date('2026-03-01T04:59:30.000Z'));
    expect(coverageVerdict(active, [policy], clock.today(), 0)).toEqual({ action: 'none' });
    // The first pass after midnight (at most one interval later) suspends.
    clock.advance(INSURANCE_SWEEP_INTERVAL_MS);
    expect(clock.today()).toBe('2026-03-01');
    expect(coverageVerdict(active, [policy], clock.today(), 0)).toMatchObject({ action: 'lapse', suspends: true });
  });

  it('uses OFM’s day, not UTC’s: 20:00 in New York on the last covered day is still covered', () => {
    const clock = new TestClock(new Date('2026-03-01T01:00:00.000Z'));
    expect(clock.today()).toBe('2026-02-28');
    expect(coverageVerdict(active, [policy], clock.today(), 0)).toEqual({ action: 'none' });
  });

  it('refuses a sweep interval longer than a minute', () => {
    expect(() => loadVehiclesConfig({ ...env, INSURANCE_SWEEP_INTERVAL_MS: '3600000' })).toThrow(
      /INSURANCE_SWEEP_INTERVAL_MS: expected an integer <= 60000/,
    );
  });
});
