import { AGREEMENT_STATUS, type AgreementStatus } from '@ofm/contracts';
import { AGREEMENT_TRANSITIONS, canMoveAgreement, decideAgreementMove, type AgreementDays } from './agreement.rules';

const ALLOWED: [AgreementStatus, AgreementStatus][] = [
  ['proposed', 'negotiating'],
  ['proposed', 'lapsed'],
  ['negotiating', 'signed'],
  ['negotiating', 'lapsed'],
  ['signed', 'in-force'],
  ['signed', 'lapsed'],
  ['in-force', 'lapsed'],
];
const isAllowed = (from: AgreementStatus, to: AgreementStatus) => ALLOWED.some(([f, t]) => f === from && t === to);
const PAIRS = AGREEMENT_STATUS.flatMap((from) => AGREEMENT_STATUS.map((to) => [from, to] as const));

const days: AgreementDays = { proposedOn: '2026-01-10', signedOn: null, inForceOn: null, lapsedOn: null };

describe('agreement state machine', () => {
  it('has a transition list for every status', () => {
    expect(Object.keys(AGREEMENT_TRANSITIONS).sort()).toEqual([...AGREEMENT_STATUS].sort());
  });

  it.each(PAIRS)('%s → %s is allowed exactly when the table says so', (from, to) => {
    expect(canMoveAgreement(from, to)).toBe(isAllowed(from, to));
    const decision = decideAgreementMove(from, to, '2026-02-01', days, to === 'in-force');
    expect(decision.ok).toBe(isAllowed(from, to));
    if (!decision.ok && !isAllowed(from, to)) {
      expect(decision.rule).toBe('agreement-transition');
      expect(decision.errors[0]!.field).toBe('status');
    }
  });

  it('says lapsed is final', () => {
    const decision = decideAgreementMove('lapsed', 'proposed', '2026-02-01', days, false);
    expect(decision).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('lapsed is final') }] });
  });

  it('names what a status may become', () => {
    const decision = decideAgreementMove('proposed', 'signed', '2026-02-01', days, false);
    expect(decision).toMatchObject({
      ok: false,
      errors: [{ message: 'an agreement proposed cannot become signed; it may become negotiating or lapsed' }],
    });
  });

  it('enters into force only with the profile it brings, and takes a profile only then', () => {
    const signed = { ...days, signedOn: '2026-03-01' };
    expect(decideAgreementMove('signed', 'in-force', '2026-04-01', signed, false)).toMatchObject({
      ok: false,
      rule: 'agreement-profile',
      errors: [{ field: 'profile' }],
    });
    expect(decideAgreementMove('negotiating', 'signed', '2026-04-01', days, true)).toMatchObject({
      ok: false,
      rule: 'agreement-profile',
    });
    expect(decideAgreementMove('signed', 'in-force', '2026-04-01', signed, true)).toEqual({
      ok: true,
      days: { ...signed, inForceOn: '2026-04-01' },
    });
  });

  it('records the day of each status reached', () => {
    expect(decideAgreementMove('negotiating', 'signed', '2026-03-01', days, false)).toEqual({
      ok: true,
      days: { ...days, signedOn: '2026-03-01' },
    });
    expect(decideAgreementMove('proposed', 'negotiating', '2026-01-10', days, false)).toEqual({ ok: true, days });
    const inForce = { ...days, signedOn: '2026-03-01', inForceOn: '2026-04-01' };
    expect(decideAgreementMove('in-force', 'lapsed', '2030-01-01', inForce, false)).toEqual({
      ok: true,
      days: { ...inForce, lapsedOn: '2030-01-01' },
    });
  });

  it('refuses a day before the status it leaves was reached, naming on', () => {
    const signed = { ...days, signedOn: '2026-03-01' };
    expect(decideAgreementMove('signed', 'in-force', '2026-02-28', signed, true)).toEqual({
      ok: false,
      rule: 'agreement-day',
      errors: [{ field: 'on', message: 'on must be on or after 2026-03-01, the day the agreement became signed' }],
    });
    expect(decideAgreementMove('proposed', 'lapsed', '2026-01-09', days, false)).toMatchObject({ ok: false });
  });
});
