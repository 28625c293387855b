import { TOPICS } from '@ofm/contracts';
import {
  api,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
  startGroupAtEnd,
  startPlatform,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type RunningPlatform,
} from '@ofm/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';

// Issue 9's insurance path through the gateway (docs/domain/insurance.md): a registration waits as
// pending-insurance, a policy below the minimum is refused naming the limit, a compliant one makes
// it active; when its cover ends (here: cancelled today) the registration is suspended, the plate
// stops verifying as valid, a state DMV hears of it once on ofm.partner.dmv.v1, and a new policy
// makes it active again. (A renewal recorded in advance takes effect at its start: the integration
// suite insurance-coverage.int-spec.ts moves a test clock to that day; real time cannot.)
describe('insurance with no gap', () => {
  let platform: RunningPlatform;
  let consumer: Consumer;
  const dmv: { key: string; value: any }[] = [];

  beforeAll(async () => {
    platform = await startPlatform('insurance-lapse');
    // A DMV's reader, from the current end of its topic.
    const groupId = uniqueName('e2e-dmv-reader');
    await startGroupAtEnd(groupId, [TOPICS.partnerDmv]);
    consumer = new Kafka({ clientId: groupId, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).consumer({
      groupId,
    });
    await consumer.connect();
    await consumer.subscribe({ topic: TOPICS.partnerDmv, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) =>
        void dmv.push({ key: message.key?.toString() ?? '', value: JSON.parse(message.value!.toString()) }),
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await platform?.stop();
  });

  it('suspends a registration whose cover ends, tells the DMV once, and reactivates it with a new policy', async () => {
    const officer = await platform.issuer.token({ sub: 'officer-ins', roles: ['ofm-officer'] });
    const police = await platform.issuer.token({ sub: 'police-ins', roles: ['law-enforcement'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-5)),
    });
    const memberId = member.body.id as string;
    expect(
      (
        await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
          token: officer,
          body: { decision: 'accredit' },
        })
      ).status,
    ).toBe(200);
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(memberId),
          headers: { 'idempotency-key': `insurance-lapse-vehicle-of-${memberId}` },
        });
        return answer.status === 201 ? answer.body : undefined;
      },
      { what: 'vehicles to know the accredited member' },
    );
    expect(vehicle.registration.status).toBe('pending-insurance');
    const insure = (body: object) =>
      api(platform.baseUrl, 'POST', `/api/v1/vehicles/${vehicle.id}/insurance`, { token: officer, body });
    const plateCheck = async () =>
      (await api(platform.baseUrl, 'GET', `/api/v1/verify?plate=${vehicle.plate}`, { token: police })).body;

    const below = await insure({ ...carInsurance(), combinedSingleLimit: { amount: '250000.00', currency: 'USD' } });
    expect(below.status).toBe(422);
    expect(JSON.stringify(below.body.errors)).toContain('combinedSingleLimit');

    const policy = await insure({ ...carInsurance(), proofType: 'certificate' });
    expect(policy.status).toBe(201);
    expect(
      (await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.id}`, { token: officer })).body,
    ).toMatchObject({ registration: { status: 'active' } });
    await waitFor(() => dmv.find((n) => n.key === vehicle.vin && n.value.change === 'registration-activated'), {
      what: 'the DMV told of the activation',
    });

    const cancelled = await api(
      platform.baseUrl,
      'POST',
      `/api/v1/vehicles/${vehicle.id}/insurance/${policy.body.id}/cancellation`,
      { token: officer, body: { reason: 'insurer cancelled for non-payment' } },
    );
    expect(cancelled.status).toBe(200);
    await waitFor(
      async () =>
        (await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.id}`, { token: officer })).body.registration
          .status === 'suspended',
      { what: 'the registration suspended' },
    );
    expect(await plateCheck()).toMatchObject({ status: 'suspended' });
    const suspended = await waitFor(
      () => dmv.find((n) => n.key === vehicle.vin && n.value.change === 'registration-suspended'),
      { what: 'the DMV told of the suspension' },
    );
    expect(suspended.value).toMatchObject({ plate: vehicle.plate, vin: vehicle.vin, registrationStatus: 'suspended' });
    // Only what a DMV needs: nothing of the owner.
    expect(JSON.stringify(suspended.value)).not.toMatch(/memberId|missionId|Dubois|Claire/);

    const renewed = await insure({ ...carInsurance(), policyNumber: 'CW-2026-000999', proofType: 'certificate' });
    expect(renewed.status).toBe(201);
    expect(
      (await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${vehicle.id}`, { token: officer })).body.registration
        .status,
    ).toBe('active');
    expect((await plateCheck()).status).toBe('valid');
    // Exactly once: however often the sweep ran meanwhile, one suspension notice for this vehicle.
    expect(dmv.filter((n) => n.key === vehicle.vin && n.value.change === 'registration-suspended')).toHaveLength(1);
  });
});
