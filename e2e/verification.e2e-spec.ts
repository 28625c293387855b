import { Client } from 'pg';
import {
  api,
  type ApiAnswer,
  type RunningPlatform,
  startPlatform,
  waitFor,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

// Law-enforcement verification through the gateway, as a trooper on the street uses it: an ID card
// and a diplomatic plate, before and after the appointment ends. The trooper's own identity is what
// every service sees (no borrowed role), and every verification leaves a verification_audit row.
describe('law-enforcement verification', () => {
  let platform: RunningPlatform;
  let officer: string;
  let trooper: string;
  let missionId: string;
  let memberId: string;
  let idCard: string;
  let plate: string;
  const verifications: { kind: 'id-card' | 'plate'; value: string; status: string }[] = [];

  // The booklet's words for a diplomatic agent, as the accreditation service gives them.
  const DIPLOMATIC_AGENT = {
    arrest: 'May not be arrested or detained',
    residenceInviolable: 'Residence is inviolable: it may not be entered without consent',
    prosecution: 'May not be prosecuted',
    ticket: 'May be issued a traffic citation',
  };

  const verify = async (query: { idCard: string } | { plate: string }): Promise<ApiAnswer> => {
    const [kind, value] = 'idCard' in query ? (['id-card', query.idCard] as const) : (['plate', query.plate] as const);
    const answer = await api(platform.baseUrl, 'GET', `/api/v1/verify?${new URLSearchParams(query)}`, {
      token: trooper,
    });
    expect(answer.status).toBe(200);
    verifications.push({ kind, value, status: answer.body.status });
    return answer;
  };

  const query = async (database: string, sql: string, params: unknown[] = []) => {
    const client = new Client({ connectionString: platform.databases[database]!.url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    platform = await startPlatform('verify');
    officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    trooper = await platform.issuer.token({ sub: 'trooper-7', roles: ['law-enforcement'] });

    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    missionId = mission.body.id;
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(missionId, isoDate(-5)),
    });
    expect(member.status).toBe(201);
    memberId = member.body.id;
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);
    idCard = accredited.body.idCard.number;

    // The vehicles service learns of the accreditation over Kafka: register once it has.
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', { token: officer, body: car(memberId) });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle of the accredited member to register' },
    );
    plate = vehicle.body.plate;
    const insurance = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${vehicle.body.id}/insurance`, {
      token: officer,
      body: { ...carInsurance(), proofType: 'certificate' },
      headers: { 'if-match': `"${vehicle.body.version}"` },
    });
    expect(insurance.status).toBe(201);
    expect(insurance.body).toMatchObject({
      proofType: 'certificate',
      vehicle: { registration: { status: 'active' }, insuranceStatus: 'insured' },
    });
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it("verifies an accredited member's ID card: valid, full immunity, the booklet's guidance", async () => {
    const answer = await verify({ idCard });
    expect(answer.body).toMatchObject({
      status: 'valid',
      name: 'Claire Dubois',
      mission: 'Embassy of France',
      country: 'FR',
      category: 'diplomatic-agent',
      immunityLevel: 'full',
      guidance: DIPLOMATIC_AGENT,
    });
    // Any case and spacing of the card number.
    expect((await verify({ idCard: ` ${idCard.toLowerCase()} ` })).body.status).toBe('valid');
  });

  it("verifies the plate of their insured vehicle: registration, insurance, mission, never the owner's immunity", async () => {
    const answer = await verify({ plate });
    expect(answer.body).toMatchObject({
      status: 'valid',
      plate,
      registration: { status: 'active', expiresOn: expect.any(String) },
      insuranceStatus: 'insured',
      mission: 'Embassy of France',
      country: 'FR',
      // Whoever drives is verified by their own ID card: the plate answer names no person.
      name: null,
      category: null,
      immunityLevel: null,
      guidance: {
        arrest: "Depends on the driver: verify the driver's ID card",
        residenceInviolable: "Depends on the driver: verify the driver's ID card",
        prosecution: "Depends on the driver: verify the driver's ID card",
        ticket: 'May be issued a traffic citation',
      },
      note: expect.stringContaining("verify the driver's ID card"),
    });
  });

  it("answers a mission-owned vehicle from its mission, sending the officer to the driver's card", async () => {
    // A trailer needs no insurance: it is active at once. The mission reaches the vehicles replica over Kafka.
    const trailer = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: {
            ownerMissionId: missionId,
            vin: '2T1BURHE3JC012345',
            make: 'Big Tex',
            model: '35SA',
            year: 2023,
            kind: 'trailer',
          },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the mission-owned trailer to register' },
    );
    const answer = await verify({ plate: trailer.body.plate });
    expect(answer.body).toMatchObject({
      status: 'valid',
      name: null,
      mission: 'Embassy of France',
      country: 'FR',
      category: null,
      immunityLevel: null,
      registration: { status: 'active' },
      guidance: { arrest: expect.stringContaining("driver's ID card"), ticket: 'May be issued a traffic citation' },
    });
  });

  it('answers unknown (200) for a card or a plate nobody holds', async () => {
    expect((await verify({ idCard: 'D999999999' })).body).toMatchObject({
      status: 'unknown',
      name: null,
      guidance: null,
    });
    expect((await verify({ plate: 'DZZ9999' })).body).toMatchObject({
      status: 'unknown',
      plate: 'DZZ9999',
      guidance: null,
    });
  });

  it('refuses law enforcement an ofm-officer route with 403', async () => {
    const answer = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
      token: trooper,
      body: { decision: 'accredit' },
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect((await api(platform.baseUrl, 'GET', `/api/v1/members/${memberId}`, { token: trooper })).status).toBe(403);
  });

  it('answers terminated for the card once the appointment ends; the card becomes an open item', async () => {
    const terminated = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/termination`, {
      token: officer,
      body: { effectiveDate: isoDate(0), reason: 'end of assignment' },
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body.openItems).toEqual([
      { document: 'id-card', reference: idCard, dueOn: isoDate(30), status: 'open', returnedOn: null },
    ]);

    const answer = await verify({ idCard });
    // Immunity runs on for 30 days after the effective date: the guidance says so until then.
    expect(answer.body).toMatchObject({
      status: 'terminated',
      immunityLevel: 'full',
      immunityEndsOn: isoDate(30),
      guidance: DIPLOMATIC_AGENT,
    });
    const member = await api(platform.baseUrl, 'GET', `/api/v1/members/${memberId}`, { token: officer });
    expect(member.body).toMatchObject({
      status: 'terminated',
      failedCriteria: [],
      openItems: terminated.body.openItems,
    });
  });

  it('shows the reasons of a refusal on the member', async () => {
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: { ...firstSecretary(missionId, isoDate(-1)), givenName: 'Paul', passportType: 'official' },
    });
    const refusal = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(refusal.status).toBe(422);
    const after = await api(platform.baseUrl, 'GET', `/api/v1/members/${member.body.id}`, { token: officer });
    expect(after.body).toMatchObject({ status: 'refused', openItems: [] });
    expect(after.body.failedCriteria).toEqual(
      refusal.body.errors.map((e: { field: string; message: string }) => ({ criterion: e.field, message: e.message })),
    );
  });

  it('leaves a verification_audit row for every verification, and the services saw the trooper himself', async () => {
    const rows = await query(
      'gateway',
      `SELECT actor_subject, actor_roles, query_kind, query_value, result_status FROM verification_audit ORDER BY occurred_at`,
    );
    expect(rows).toEqual(
      verifications.map((v) => ({
        actor_subject: 'trooper-7',
        actor_roles: ['law-enforcement'],
        query_kind: v.kind,
        query_value: v.value,
        result_status: v.status,
      })),
    );
    // No impersonation: each owning service audited the trooper's own checks (cards and plates).
    const cards = await query(
      'accreditation',
      `SELECT actor_subject, actor_roles FROM audit_record WHERE action = 'id-card.verified' ORDER BY occurred_at`,
    );
    const plates = await query(
      'vehicles',
      `SELECT actor_subject, actor_roles FROM audit_record WHERE action = 'plate.verified' ORDER BY occurred_at`,
    );
    expect(cards).toHaveLength(verifications.filter((v) => v.kind === 'id-card').length);
    expect(plates).toHaveLength(verifications.filter((v) => v.kind === 'plate').length);
    for (const check of [...cards, ...plates])
      expect(check).toMatchObject({ actor_subject: 'trooper-7', actor_roles: ['law-enforcement'] });
    const borrowed = await query(
      'accreditation',
      `SELECT 1 FROM audit_record WHERE actor_subject LIKE 'gateway-verification:%' OR 'auditor' = ANY (actor_roles)`,
    );
    expect(borrowed).toEqual([]);
  });
});
