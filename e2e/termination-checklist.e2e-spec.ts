import {
  api,
  car,
  embassyOfFrance,
  firstSecretary,
  isoDate,
  startPlatform,
  waitFor,
  type RunningPlatform,
} from '@ofm/testing';

// The termination checklist through the gateway (docs/domain/termination-checklist.md): the ID card
// is an open item from the termination, the plates once vehicles has made the registration
// disposal-due (over Kafka), and an officer's record of each return closes its item.
describe('the termination checklist', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform('termination-checklist');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it('tracks the ID card and the plates of a terminated member until each is returned', async () => {
    const officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-5)),
    });
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    const card = accredited.body.idCard.number;
    // Vehicles learns of the accreditation over Kafka a moment later; one Idempotency-Key makes the retries one request.
    const vehicle = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(member.body.id),
          headers: { 'idempotency-key': `checklist-vehicle-of-${member.body.id}` },
        });
        return answer.status === 201 ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle registration to be accepted' },
    );
    const plate = vehicle.body.plate;

    const terminated = await api(platform.baseUrl, 'POST', `/api/v1/members/${member.body.id}/termination`, {
      token: officer,
      body: { effectiveDate: isoDate(0), reason: 'end of assignment' },
    });
    expect(terminated.status).toBe(200);
    expect(terminated.body.openItems).toEqual([
      { document: 'id-card', reference: card, dueOn: isoDate(30), status: 'open', returnedOn: null },
    ]);

    // Vehicles makes the registration disposal-due and says so; accreditation opens the plates item.
    const withPlates = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/members/${member.body.id}`, { token: officer });
        return answer.body.openItems.length === 2 ? answer.body : undefined;
      },
      { timeoutMs: 30_000, what: 'the plates item on the member' },
    );
    expect(withPlates.openItems).toEqual([
      { document: 'id-card', reference: card, dueOn: isoDate(30), status: 'open', returnedOn: null },
      { document: 'plates', reference: plate, dueOn: isoDate(30), status: 'open', returnedOn: null },
    ]);

    // Only OFM records a return; a date to come is refused, naming the field.
    const missionUser = await platform.issuer.token({
      sub: 'mission-1',
      roles: ['mission-user'],
      mission_id: mission.body.id,
    });
    const path = `/api/v1/members/${member.body.id}/returned-documents`;
    const denied = await api(platform.baseUrl, 'POST', path, {
      token: missionUser,
      body: { document: 'plates', reference: plate, returnedOn: isoDate(0) },
    });
    expect(denied.status).toBe(403);
    const future = await api(platform.baseUrl, 'POST', path, {
      token: officer,
      body: { document: 'plates', reference: plate, returnedOn: isoDate(2) },
    });
    // A day after today is a bound the schema cannot state: the rule day-bounds (422), naming the field.
    expect(future.status).toBe(422);
    expect(future.body.rule).toBe('day-bounds');
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'returnedOn' })]);

    const platesBack = await api(platform.baseUrl, 'POST', path, {
      token: officer,
      body: { document: 'plates', reference: plate, returnedOn: isoDate(0) },
    });
    expect(platesBack.status).toBe(200);
    expect(platesBack.body.openItems).toEqual([
      { document: 'id-card', reference: card, dueOn: isoDate(30), status: 'open', returnedOn: null },
      { document: 'plates', reference: plate, dueOn: isoDate(30), status: 'returned', returnedOn: isoDate(0) },
    ]);
    const again = await api(platform.baseUrl, 'POST', path, {
      token: officer,
      body: { document: 'plates', reference: plate, returnedOn: isoDate(0) },
    });
    expect(again.status).toBe(409);
    const read = await api(platform.baseUrl, 'GET', `/api/v1/members/${member.body.id}`, { token: officer });
    expect(read.body.openItems[1]).toMatchObject({ status: 'returned', returnedOn: isoDate(0) });
  });
});
