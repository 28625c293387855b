import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type KafkaMessage } from 'kafkajs';
import { TOPICS } from '@ofm/contracts';
import {
  api,
  type RunningPlatform,
  startGroupAtEnd,
  startPlatform,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
} from '@ofm/testing';

// The walking skeleton, as an officer drives it through the gateway: a mission, a member notified
// and accredited, a vehicle registered and insured, the appointment ended, and the vehicles service
// learning of it over Kafka. An independent consumer checks the event a partner would read.
describe('mission → member → accreditation → vehicle → termination', () => {
  let platform: RunningPlatform;
  let consumer: Consumer;
  const seen: KafkaMessage[] = [];

  beforeAll(async () => {
    platform = await startPlatform('flow');
    // A fresh group at the end of the shared topic: what this test produces, not the broker's history.
    const groupId = uniqueName('e2e-observer');
    await startGroupAtEnd(groupId, [TOPICS.member]);
    consumer = new Kafka({
      clientId: 'e2e-observer',
      brokers: testKafkaBrokers(),
      logLevel: logLevel.NOTHING,
    }).consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.member, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.push(message) });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.stop();
  });

  it('carries the member through its life and the vehicle to disposal-due', async () => {
    const officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });

    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    expect(mission.status).toBe(201);
    expect(mission.body).toMatchObject({
      country: 'FR',
      type: 'embassy',
      status: 'active',
      regionalOffice: 'Washington',
      version: 1,
    });

    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-5)),
    });
    expect(member.status).toBe(201);
    expect(member.body).toMatchObject({ status: 'notified', missionId: mission.body.id });
    expect(member.body.pid).toMatch(/^\d{10}$/);

    // Our own trace id on the request: the accredited event must carry it to Kafka.
    const traceId = randomBytes(16).toString('hex');
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
      headers: { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` },
    });
    expect(accredited.status).toBe(200);
    expect(accredited.body).toMatchObject({ status: 'accredited', immunityLevel: 'full' });
    expect(accredited.body.idCard).toMatchObject({ color: 'blue' });

    const event = await waitFor(
      () =>
        seen.find(
          (m) =>
            m.headers?.ce_type?.toString() === 'gov.ofm.accreditation.member.accredited.v1' &&
            m.headers?.ce_subject?.toString() === member.body.id,
        ),
      { timeoutMs: 30_000, what: 'the member.accredited event on Kafka' },
    );
    const header = (name: string) => event.headers?.[name]?.toString();
    expect(header('ce_specversion')).toBe('1.0');
    expect(header('ce_id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(header('ce_source')).toBe('/ofm/accreditation');
    expect(new Date(header('ce_time') ?? '').toString()).not.toBe('Invalid Date');
    expect(header('content-type')).toBe('application/json');
    expect(header('traceparent')?.split('-')[1]).toBe(traceId);
    expect(event.key?.toString()).toBe(member.body.id);
    const payload = JSON.parse(event.value?.toString() ?? '{}');
    expect(payload.member).toMatchObject({ id: member.body.id, immunityLevel: 'full', status: 'accredited' });

    // The vehicles service learns of the accreditation over Kafka, a moment after the answer above:
    // until it has, it does not know the owner. The same Idempotency-Key makes the retries one request.
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(member.body.id),
          headers: { 'idempotency-key': `vehicle-of-${member.body.id}` },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle registration to be accepted' },
    );
    expect(vehicle.body.registration.status).toBe('pending-insurance');
    expect(vehicle.body.plate).toMatch(/^D[A-Z]{2}/);

    const insurance = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${vehicle.body.id}/insurance`, {
      token: officer,
      body: carInsurance(),
    });
    expect(insurance.status).toBe(201);
    const insured = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.body.id}`, { token: officer });
    expect(insured.body.registration.status).toBe('active');

    const terminated = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/termination`, {
      token: officer,
      body: { effectiveDate: isoDate(0), reason: 'end of assignment' },
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body).toMatchObject({ status: 'terminated', immunityEndsOn: isoDate(30) });

    const disposalDue = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.body.id}`, { token: officer });
        return answer.body.registration.status === 'disposal-due' ? answer.body : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle to become disposal-due' },
    );
    expect(disposalDue.registration.status).toBe('disposal-due');
  });

  it('refuses a vehicle for a member who is not accredited, naming the rule', async () => {
    const officer = await platform.issuer.token({ sub: 'officer-2', roles: ['ofm-officer'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-2)),
    });
    expect(member.status).toBe(201);
    // The vehicles service learns of the notification over Kafka; the answer must not depend on timing.
    await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(member.body.id),
        });
        return answer.status === 422 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'a 422 for the unaccredited owner' },
    ).then((answer) => {
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.rule).toBe('owner-not-accredited');
    });
  });

  it('answers a refused accreditation with 422 and one error per failed criterion', async () => {
    const officer = await platform.issuer.token({ sub: 'officer-3', roles: ['ofm-officer'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: { ...firstSecretary(mission.body.id, isoDate(-1)), passportType: 'official', weeklyHours: 20 },
    });
    const refusal = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(refusal.status).toBe(422);
    const fields = refusal.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toHaveLength(2);
    const after = await api(platform.baseUrl, 'GET', `/api/v1/members/${member.body.id}`, { token: officer });
    expect(after.body.status).toBe('refused');
  });
});
