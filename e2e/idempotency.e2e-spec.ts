import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { api, type RunningPlatform, startPlatform, embassyOfFrance, firstSecretary, isoDate } from '@ofm/testing';

// Idempotency-Key end to end: the gateway forwards a request id derived from (caller, route, key) and
// the service records the command's receipt with its effect, so a retry whose first answer was lost
// (a gateway that died or timed out before storing it) has one effect, not two.
describe('Idempotency-Key through the gateway to the services', () => {
  let platform: RunningPlatform;
  let gatewayDb: Client;
  let accreditationDb: Client;
  let officer: string;

  beforeAll(async () => {
    platform = await startPlatform('idem');
    gatewayDb = new Client({ connectionString: platform.databases.gateway!.url });
    accreditationDb = new Client({ connectionString: platform.databases.accreditation!.url });
    await gatewayDb.connect();
    await accreditationDb.connect();
    officer = await platform.issuer.token({ sub: 'officer-idem', roles: ['ofm-officer'] });
  });

  afterAll(async () => {
    await gatewayDb?.end();
    await accreditationDb?.end();
    await platform?.stop();
  });

  const post = (path: string, key: string, body: unknown, token = officer) =>
    api(platform.baseUrl, 'POST', path, { token, body, headers: { 'idempotency-key': key } });
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await accreditationDb.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  // What a gateway that crashed or timed out before storing the answer leaves behind: nothing.
  const forgetAtGateway = (key: string) => gatewayDb.query('DELETE FROM idempotency_key WHERE key = $1', [key]);

  it('answers a retry whose answer the gateway lost with the first mission, registered once', async () => {
    const name = `Embassy of France (idempotency ${randomUUID().slice(0, 8)})`;
    const key = randomUUID();
    const first = await post('/api/v1/missions', key, { ...embassyOfFrance, name });
    expect(first.status).toBe(201);

    await forgetAtGateway(key);
    expect((await gatewayDb.query('SELECT 1 FROM idempotency_key WHERE key = $1', [key])).rowCount).toBe(0);
    const retry = await post('/api/v1/missions', key, { ...embassyOfFrance, name });
    expect(retry.status).toBe(201);
    // Not the gateway's replay (its row was gone): the service answered from its command receipt.
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));

    expect(await count('mission WHERE name = $1', [name])).toBe(1);
    expect(
      await count(`outbox_event WHERE type = 'gov.ofm.accreditation.mission.registered.v1' AND subject = $1`, [
        first.body.id,
      ]),
    ).toBe(1);
    expect(
      await count(
        `command_receipt WHERE method = '/ofm.accreditation.v1.MissionService/RegisterMission'
                   AND answer -> 'value' ->> 'id' = $1`,
        [first.body.id],
      ),
    ).toBe(1);

    // Now answered by the gateway again, from the row the retry stored.
    const replayed = await post('/api/v1/missions', key, { ...embassyOfFrance, name });
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(replayed.body.id).toBe(first.body.id);
  });

  it('registers again for another key, and for another caller using the same key', async () => {
    const name = `Embassy of France (idempotency ${randomUUID().slice(0, 8)})`;
    const key = randomUUID();
    const first = await post('/api/v1/missions', key, { ...embassyOfFrance, name });
    const otherKey = await post('/api/v1/missions', randomUUID(), { ...embassyOfFrance, name });
    const admin = await platform.issuer.token({ sub: 'admin-idem', roles: ['ofm-admin'] });
    const otherCaller = await post('/api/v1/missions', key, { ...embassyOfFrance, name }, admin);
    expect([first.status, otherKey.status, otherCaller.status]).toEqual([201, 201, 201]);
    expect(new Set([first.body.id, otherKey.body.id, otherCaller.body.id]).size).toBe(3);
    expect(await count('mission WHERE name = $1', [name])).toBe(3);
  });

  it('answers a retried refusal (which frees the key at the gateway) with the same 422, decided once', async () => {
    const mission = await post('/api/v1/missions', randomUUID(), {
      ...embassyOfFrance,
      name: `Embassy of France (refusal ${randomUUID().slice(0, 8)})`,
    });
    const member = await post('/api/v1/members', randomUUID(), {
      ...firstSecretary(mission.body.id, isoDate(-3)),
      passportType: 'regular',
      visaClass: 'A-2',
      title: 'Driver',
    });
    expect(member.status).toBe(201);
    const key = randomUUID();
    const path = `/api/v1/members/${member.body.id}/accreditation`;
    const first = await post(path, key, { decision: 'accredit' });
    expect(first.status).toBe(422);
    expect(first.body).toMatchObject({ rule: 'accreditation-criteria' });
    // A failed request frees its key at the gateway, so the retry reaches the service again.
    const retry = await post(path, key, { decision: 'accredit' });
    expect(retry.status).toBe(422);
    expect(retry.body).toEqual(first.body);

    const version = await accreditationDb.query('SELECT version, status FROM member WHERE id = $1', [member.body.id]);
    expect(version.rows[0]).toEqual({ version: 2, status: 'refused' });
    expect(
      await count(`outbox_event WHERE type = 'gov.ofm.accreditation.member.refused.v1' AND subject = $1`, [
        member.body.id,
      ]),
    ).toBe(1);
  });
});
