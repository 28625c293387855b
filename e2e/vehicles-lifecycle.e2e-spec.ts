import {
  api,
  car,
  carInsurance,
  embassyOfFrance,
  firstSecretary,
  isoDate,
  startPlatform,
  waitFor,
  type RunningPlatform,
} from '@ofm/testing';

// A vehicle's life through the gateway (docs/domain/vehicles.md): registered, insured, its stolen plate
// replaced (the old one verifies reported-stolen), then its owner terminated: the registration becomes
// disposal-due (over Kafka), accreditation opens the return-of-plates item, the vehicle is disposed of
// against its returned plates, and the item closes (over Kafka again).
describe('a vehicle from registration to disposal', () => {
  let platform: RunningPlatform;

  beforeAll(async () => {
    platform = await startPlatform('vehicles-lifecycle');
  });

  afterAll(async () => {
    await platform?.stop();
  });

  it("replaces a stolen plate, and closes the owner's plates item when the vehicle is disposed of", async () => {
    const officer = await platform.issuer.token({ sub: 'officer-1', roles: ['ofm-officer'] });
    const police = await platform.issuer.token({ sub: 'police-1', roles: ['law-enforcement'] });
    const mission = await api(platform.baseUrl, 'POST', '/api/v1/missions', { token: officer, body: embassyOfFrance });
    const member = await api(platform.baseUrl, 'POST', '/api/v1/members', {
      token: officer,
      body: firstSecretary(mission.body.id, isoDate(-5)),
    });
    const memberId = member.body.id as string;
    const accredited = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/accreditation`, {
      token: officer,
      body: { decision: 'accredit' },
    });
    expect(accredited.status).toBe(200);

    // Vehicles learns of the accreditation over Kafka; one Idempotency-Key makes the retries one request.
    const registered = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'POST', '/api/v1/vehicles', {
          token: officer,
          body: car(memberId),
          headers: { 'idempotency-key': `lifecycle-vehicle-of-${memberId}` },
        });
        return answer.status === 201 ? answer.body : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle registration to be accepted' },
    );
    const insured = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${registered.id}/insurance`, {
      token: officer,
      body: { ...carInsurance(), proofType: 'certificate' },
    });
    expect(insured.status).toBe(201);

    // The plate is stolen: a new one, and the old one verifies reported-stolen, naming nobody.
    const loss = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${registered.id}/plate/loss`, {
      token: officer,
      body: { loss: 'stolen' },
    });
    expect(loss.status).toBe(200);
    expect(loss.body.replacedPlates).toEqual([registered.plate]);
    const plate = loss.body.plate as string;
    const stolen = await api(platform.baseUrl, 'GET', `/api/v1/verify?plate=${registered.plate}`, { token: police });
    expect(stolen.body).toMatchObject({
      status: 'reported-stolen',
      name: null,
      immunityLevel: null,
      vehicle: { vin: registered.vin, make: registered.make, model: registered.model, year: registered.year },
    });
    const valid = await api(platform.baseUrl, 'GET', `/api/v1/verify?plate=${plate}`, { token: police });
    expect(valid.body).toMatchObject({
      status: 'valid',
      registration: { status: 'active' },
      insuranceStatus: 'insured',
    });
    expect(valid.body.note).toContain("driver's ID card");

    const terminated = await api(platform.baseUrl, 'POST', `/api/v1/members/${memberId}/termination`, {
      token: officer,
      body: { effectiveDate: isoDate(0), reason: 'end of assignment' },
    });
    expect(terminated.status).toBe(200);

    // Vehicles makes the registration disposal-due, due in DISPOSAL_DUE_DAYS (30); the plate no longer verifies valid.
    const due = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/vehicles/${registered.id}`, { token: officer });
        return answer.body.registration.status === 'disposal-due' ? answer : undefined;
      },
      { timeoutMs: 30_000, what: 'the vehicle to become disposal-due' },
    );
    expect(due.body.disposalDueOn).toBe(isoDate(30));
    const terminatedPlate = await api(platform.baseUrl, 'GET', `/api/v1/verify?plate=${plate}`, { token: police });
    expect(terminatedPlate.body.status).not.toBe('valid');
    const plateItem = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/members/${memberId}`, { token: officer });
        return answer.body.openItems.find((i: { document: string }) => i.document === 'plates');
      },
      { timeoutMs: 30_000, what: 'the plates item on the member' },
    );
    expect(plateItem).toMatchObject({ reference: plate, status: 'open' });

    // A sale releases the title only against the returned plates (problem+json naming the rule).
    const withoutPlates = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${registered.id}/disposal`, {
      token: officer,
      body: { method: 'sale', date: isoDate(0), platesReturned: false },
    });
    expect(withoutPlates.status).toBe(422);
    expect(withoutPlates.headers.get('content-type')).toContain('application/problem+json');
    expect(withoutPlates.body.rule).toBe('plates-not-returned');
    const disposed = await api(platform.baseUrl, 'POST', `/api/v1/vehicles/${registered.id}/disposal`, {
      token: officer,
      body: { method: 'sale', date: isoDate(0), platesReturned: true },
      headers: { 'if-match': `"${due.body.version}"` },
    });
    expect(disposed.status).toBe(200);
    expect(disposed.body).toMatchObject({
      registration: { status: 'disposed' },
      disposal: { method: 'sale', disposedOn: isoDate(0), platesReturned: true },
    });

    // Accreditation hears of the disposal and closes the return-of-plates item.
    const closed = await waitFor(
      async () => {
        const answer = await api(platform.baseUrl, 'GET', `/api/v1/members/${memberId}`, { token: officer });
        const item = answer.body.openItems.find((i: { document: string }) => i.document === 'plates');
        return item?.status === 'returned' ? item : undefined;
      },
      { timeoutMs: 30_000, what: 'the plates item to close' },
    );
    expect(closed).toEqual({
      document: 'plates',
      reference: plate,
      dueOn: plateItem.dueOn,
      status: 'returned',
      returnedOn: isoDate(0),
    });
    const gone = await api(platform.baseUrl, 'GET', `/api/v1/verify?plate=${plate}`, { token: police });
    expect(gone.body.status).toBe('disposed');
  });
});
