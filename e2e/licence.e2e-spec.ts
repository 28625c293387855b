import { Client } from 'pg';
import {
  api,
  type RunningPlatform,
  startPlatform,
  waitFor,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

// Driver licences through the gateway, as an OFM officer issues one and records violations, and as
// a trooper at a traffic stop checks it: GET /api/v1/verify?licence= answers the licence's status
// and points standing with the holder's name and mission — never a date of birth or an address —
// and every verification leaves a verification_audit row.
describe('driver licences and a trooper verifying one', () => {
  let platform: RunningPlatform;
  let officer: string;
  let trooper: string;
  let memberId: string;
  let licence: { id: string; number: string; version: number };

  const verify = (number: string) =>
    api(platform.baseUrl, 'GET', `/api/v1/verify?${new URLSearchParams({ licence: number })}`, { token: trooper });
  const violation = (points: number, extra: Record<string, unknown> = {}) =>
    api(platform.baseUrl, 'POST', `/api/v1/licences/${licence.id}/violations`, {
      token: officer,
      body: { date: isoDate(0), code: 'T-SPEED', points, ...extra },
    });

  beforeAll(async () => {
    platform = await startPlatform('licence');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    trooper = await platform.issuer.token({ sub: 'trooper-7', roles: ['law-enforcement'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-5)),
    });
    expect(member.status).toBe(201);
    memberId = member.body.id;
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('issues a licence to the accredited member once vehicles has heard of the accreditation', async () => {
    const issued = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/licences', {
          token: officer,
          body: { memberId, licenceClass: 'C', restrictions: ['corrective lenses'], expiresOn: isoDate(365) },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the licence of the accredited member' },
    );
    expect(issued.headers.get('location')).toBe(`/api/v1/licences/${issued.body.id}`);
    expect(issued.body).toMatchObject({ status: 'valid', points: 0, pointsStanding: 'clear', licenceClass: 'C' });
    licence = issued.body;
    const again = await api(platform.baseUrl, 'POST', '/api/v1/licences', {
      token: officer,
      body: { memberId, licenceClass: 'C', expiresOn: isoDate(365) },
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  // A day after today is what the document allows (a date) but breaks its bounds: 422 day-bounds.
  it('refuses a bad violation with a problem naming the field', async () => {
    const future = await violation(2, { date: isoDate(3) });
    expect(future.status).toBe(422);
    expect(future.headers.get('content-type')).toContain('application/problem+json');
    expect(future.body.rule).toBe('day-bounds');
    expect(future.body.errors).toEqual([{ field: 'date', message: `date must be on or before ${isoDate(0)}` }]);
  });

  it('lets a trooper verify it: valid, then under review at 8 points, then suspended at 12', async () => {
    const valid = await verify(licence.number);
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({
      status: 'valid',
      name: 'Claire Dubois',
      mission: 'Embassy of France',
      country: 'FR',
      licence: { number: licence.number, licenceClass: 'C', points: 0, pointsStanding: 'clear' },
    });
    expect(JSON.stringify(valid.body)).not.toMatch(/dateOfBirth|address|memberId/i);

    expect((await violation(8)).body).toMatchObject({ points: 8, pointsStanding: 'review', status: 'valid' });
    expect((await verify(licence.number)).body).toMatchObject({
      status: 'valid',
      licence: { points: 8, pointsStanding: 'review' },
    });
    const suspended = await violation(4);
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ points: 12, status: 'suspended', suspension: { reason: 'points' } });
    expect((await verify(` ${licence.number.toLowerCase()} `)).body).toMatchObject({
      status: 'suspended',
      licence: { points: 12, pointsStanding: 'suspension', suspendedUntil: suspended.body.suspension.endsOn },
    });
    expect((await verify('L999999999')).body).toMatchObject({ status: 'unknown', name: null, licence: null });
  });

  it('shows the points-threshold flag in the flag register', async () => {
    const flag = await waitFor(
      async () => {
        const flags = await api(platform.baseUrl, 'GET', `/api/v1/flags?memberId=${memberId}`, { token: officer });
        return flags.body.items?.find((f: { code: string }) => f.code === 'points-threshold');
      },
      { timeoutMs: 30_000, what: 'the points-threshold flag in insights' },
    );
    // Raised once, at 8 points, though the licence went on to 12.
    expect(flag).toMatchObject({
      code: 'points-threshold',
      program: 'vehicles',
      memberId,
      detail: expect.stringContaining('8 points'),
    });
  });

  it('audits every licence verification in the gateway', async () => {
    const client = new Client({ connectionString: platform.databases['gateway']!.url });
    await client.connect();
    try {
      const rows = (
        await client.query(
          `SELECT actor_subject, query_value, result_status FROM verification_audit WHERE query_kind = 'licence' ORDER BY occurred_at`,
        )
      ).rows;
      expect(rows).toEqual([
        { actor_subject: 'trooper-7', query_value: licence.number, result_status: 'valid' },
        { actor_subject: 'trooper-7', query_value: licence.number, result_status: 'valid' },
        { actor_subject: 'trooper-7', query_value: ` ${licence.number.toLowerCase()} `, result_status: 'suspended' },
        { actor_subject: 'trooper-7', query_value: 'L999999999', result_status: 'unknown' },
      ]);
    } finally {
      await client.end();
    }
  });
});
