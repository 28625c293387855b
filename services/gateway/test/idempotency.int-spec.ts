import { runMigrations, serviceDataSource } from '@ofm/persistence';
import { currentRequestId } from '@ofm/platform';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { gatewayDatabase } from '../src/data-source';
import { startTestGateway, type TestGateway } from '../src/gateway.spec-helper';
import { IdempotencyStore, type IdempotencyClaim } from '../src/idempotency/idempotency.store';
import { commandRequestId } from '../src/idempotency/request-hash';

const MISSION_ID = '3f1c2a9e-7b4d-4c1e-9a2b-5d6e7f8a9b0c';
const config = { idempotency: { ttlHours: 24, inFlightSeconds: 60 } };

const missionBody = (name = 'Embassy of France') => ({
  name,
  country: 'FR',
  type: 'embassy',
  address: { line1: '4101 Reservoir Road NW', city: 'Washington', state: 'DC', postalCode: '20007' },
  location: { lat: 38.9137, lon: -77.0779 },
});

const missionAnswer = (id = MISSION_ID, name = 'Embassy of France') => ({
  mission: {
    id,
    name,
    country: 'FR',
    type: 'embassy',
    consularClass: '',
    address: missionBody().address,
    location: missionBody().location,
    status: 'active',
    regionalOffice: 'Washington',
    consularDistrict: '',
    version: 1,
    createdAt: '2026-11-28T10:00:00.000Z',
    updatedAt: '2026-11-28T10:00:00.000Z',
  },
});

// The idempotency store and interceptor against a real PostgreSQL (a fresh database for the suite).
describe('idempotency keys (PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('gateway_idem');
    ds = serviceDataSource(gatewayDatabase, { url: db.url });
    expect(await runMigrations(ds)).toEqual([
      'PersistenceAuditRecord1700000000000',
      'PersistenceCommandReceipt1700000000300',
      'GatewayIdempotencyKey1795879500000',
      'GatewayVerificationAudit1795879500100',
      'VerificationAuditLicence1795879500700',
    ]);
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  describe('IdempotencyStore', () => {
    let store: IdempotencyStore;
    let n = 0;
    const claim = (over: Partial<IdempotencyClaim> = {}): IdempotencyClaim => ({
      subject: 'alice',
      key: `k-${++n}`,
      method: 'POST',
      path: '/api/v1/missions',
      requestHash: 'h1',
      ...over,
    });

    beforeAll(() => {
      store = new IdempotencyStore(ds, config);
    });

    it('lets the first request proceed, answers in-flight meanwhile, then replays the stored answer', async () => {
      const c = claim();
      expect(await store.begin(c)).toEqual({ kind: 'proceed' });
      expect(await store.begin(c)).toEqual({ kind: 'in-flight' });
      await store.complete(c, {
        status: 201,
        headers: { location: '/api/v1/missions/1', etag: '"1"' },
        body: { id: '1', nested: { a: [1, 2] } },
      });
      expect(await store.begin(c)).toEqual({
        kind: 'replay',
        answer: {
          status: 201,
          headers: { location: '/api/v1/missions/1', etag: '"1"' },
          body: { id: '1', nested: { a: [1, 2] } },
        },
      });
    });

    it('refuses the same key for another request, in flight or completed', async () => {
      const c = claim();
      await store.begin(c);
      expect(await store.begin({ ...c, requestHash: 'h2' })).toEqual({ kind: 'reuse' });
      await store.complete(c, { status: 201, headers: {}, body: {} });
      expect(await store.begin({ ...c, requestHash: 'h2' })).toEqual({ kind: 'reuse' });
    });

    it('keeps keys apart per subject', async () => {
      const c = claim();
      expect(await store.begin(c)).toEqual({ kind: 'proceed' });
      expect(await store.begin({ ...c, subject: 'bob', requestHash: 'other' })).toEqual({ kind: 'proceed' });
    });

    it('frees a released key for a retry', async () => {
      const c = claim();
      await store.begin(c);
      await store.release(c);
      expect(await store.begin({ ...c, requestHash: 'h-retry-with-fixed-body' })).toEqual({ kind: 'proceed' });
    });

    it('lets exactly one of many concurrent duplicates proceed', async () => {
      const c = claim();
      const outcomes = await Promise.all(Array.from({ length: 12 }, () => store.begin(c)));
      expect(outcomes.filter((o) => o.kind === 'proceed')).toHaveLength(1);
      expect(outcomes.filter((o) => o.kind === 'in-flight')).toHaveLength(11);
    });

    it('lets a retry take over a claim whose request never finished (a crashed gateway)', async () => {
      const c = claim();
      await store.begin(c);
      await ds.query(
        `UPDATE idempotency_key SET created_at = now() - interval '2 minutes' WHERE actor_subject = $1 AND key = $2`,
        [c.subject, c.key],
      );
      expect(await store.begin(c)).toEqual({ kind: 'proceed' });
      expect(await store.begin(c)).toEqual({ kind: 'in-flight' });
    });

    it('forgets answers past the replay window', async () => {
      const c = claim();
      await store.begin(c);
      await store.complete(c, { status: 201, headers: {}, body: { old: true } });
      await ds.query(
        `UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE actor_subject = $1 AND key = $2`,
        [c.subject, c.key],
      );
      expect(await store.begin({ ...c, requestHash: 'new' })).toEqual({ kind: 'proceed' });
      const stale = claim();
      await store.begin(stale);
      await ds.query(`UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`, [stale.key]);
      expect(await store.purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(await ds.query(`SELECT 1 FROM idempotency_key WHERE key = $1`, [stale.key])).toEqual([]);
    });

    it('enforces one row per (subject, key) in the schema itself', async () => {
      const c = claim();
      await store.begin(c);
      await expect(
        ds.query(
          `INSERT INTO idempotency_key (actor_subject, key, method, path, request_hash, status) VALUES ($1, $2, 'POST', '/x', 'h', 'in-flight')`,
          [c.subject, c.key],
        ),
      ).rejects.toThrow(/duplicate key/);
    });
  });

  describe('through the gateway (POST with Idempotency-Key)', () => {
    let gw: TestGateway;
    let token: string;

    beforeAll(async () => {
      gw = await startTestGateway({ dataSource: ds });
      token = await gw.token({ sub: 'seed-bot', roles: ['ofm-admin'] });
    });
    afterAll(() => gw.close());
    beforeEach(() => jest.clearAllMocks());

    const post = (key: string, body: unknown) =>
      gw.request('POST', '/api/v1/missions', { token, body, headers: { 'idempotency-key': key } });

    it('replays the stored answer (status, Location, ETag, body) without calling the service again', async () => {
      gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
      const first = await post('mission-fr-1', missionBody());
      expect(first.status).toBe(201);
      const again = await post('mission-fr-1', { ...missionBody() });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
      expect(again.headers.location).toBe(`/api/v1/missions/${MISSION_ID}`);
      expect(again.headers.etag).toBe('"1"');
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(gw.downstream.missions.registerMission).toHaveBeenCalledTimes(1);
    });

    it('treats the same JSON in another key order as the same request', async () => {
      gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
      const body = missionBody();
      await post('mission-fr-2', body);
      const reordered = {
        location: body.location,
        address: body.address,
        type: body.type,
        country: body.country,
        name: body.name,
      };
      expect((await post('mission-fr-2', reordered)).status).toBe(201);
      expect(gw.downstream.missions.registerMission).toHaveBeenCalledTimes(1);
    });

    it('answers 422 idempotency-key-reuse for the same key with another body', async () => {
      gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
      await post('mission-fr-3', missionBody());
      const res = await post('mission-fr-3', missionBody('Embassy of Germany'));
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://ofm.state.gov/problems/idempotency-key-reuse',
        rule: 'idempotency-key-reuse',
        status: 422,
      });
      expect(gw.downstream.missions.registerMission).toHaveBeenCalledTimes(1);
    });

    it('answers 409 to a duplicate while the first request is still in flight', async () => {
      let finish!: (v: unknown) => void;
      gw.downstream.missions.registerMission.mockReturnValueOnce(new Promise((resolve) => (finish = resolve)));
      const first = post('mission-fr-4', missionBody());
      // Wait until the first request holds the key, i.e. has reached the service.
      while (gw.downstream.missions.registerMission.mock.calls.length === 0) await new Promise((r) => setTimeout(r, 5));
      const duplicate = await post('mission-fr-4', missionBody());
      expect(duplicate.status).toBe(409);
      expect(duplicate.body).toMatchObject({ type: 'https://ofm.state.gov/problems/conflict' });
      finish(missionAnswer());
      expect((await first).status).toBe(201);
      expect((await post('mission-fr-4', missionBody())).headers['idempotent-replayed']).toBe('true');
    });

    it('frees the key when the request fails, so a corrected retry can use it', async () => {
      const refusal = JSON.stringify({
        type: 'https://ofm.state.gov/problems/validation',
        title: 'Invalid request',
        status: 400,
        detail: 'bad',
        errors: [{ field: 'address.postalCode', message: 'does not fall within any OFM regional office' }],
      });
      gw.downstream.missions.registerMission.mockRejectedValueOnce(
        Object.assign(new Error('x'), { code: 3, details: refusal }),
      );
      expect((await post('mission-fr-5', missionBody())).status).toBe(400);
      gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
      const retry = await post('mission-fr-5', missionBody('Embassy of France (corrected)'));
      expect(retry.status).toBe(201);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    });

    it('does not let an invalid request occupy a key', async () => {
      expect((await post('mission-fr-6', { name: '' })).status).toBe(400);
      gw.downstream.missions.registerMission.mockResolvedValueOnce(missionAnswer());
      expect((await post('mission-fr-6', missionBody())).status).toBe(201);
    });

    it('keeps the keys of different callers apart', async () => {
      const other = await gw.token({ sub: 'another-admin', roles: ['ofm-admin'] });
      gw.downstream.missions.registerMission
        .mockResolvedValueOnce(missionAnswer())
        .mockResolvedValueOnce(missionAnswer('9c3a1f7e-2b4d-4e6f-8a1b-3c5d7e9f1a2b', 'Embassy of Germany'));
      await post('shared-key', missionBody());
      const res = await gw.request('POST', '/api/v1/missions', {
        token: other,
        body: missionBody('Embassy of Germany'),
        headers: { 'idempotency-key': 'shared-key' },
      });
      expect(res.status).toBe(201);
      expect(res.body.name).toBe('Embassy of Germany');
    });

    it('runs the service call in a request context holding the id derived from caller, route and key', async () => {
      const seen: (string | undefined)[] = [];
      gw.downstream.missions.registerMission.mockImplementation(async () => {
        // Where the real gRPC client builds its metadata (outgoingMetadata reads the same context).
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(currentRequestId());
        return missionAnswer();
      });
      const other = await gw.token({ sub: 'another-admin', roles: ['ofm-admin'] });
      await post('context-key', missionBody());
      await gw.request('POST', '/api/v1/missions', {
        token: other,
        body: missionBody(),
        headers: { 'idempotency-key': 'context-key' },
      });
      await gw.request('POST', '/api/v1/missions', { token, body: missionBody() });
      const route = { method: 'POST', path: '/api/v1/missions', key: 'context-key' };
      expect(seen).toEqual([
        commandRequestId({ ...route, subject: 'seed-bot' }),
        commandRequestId({ ...route, subject: 'another-admin' }),
        undefined,
      ]);
      expect(currentRequestId()).toBeUndefined();
      gw.downstream.missions.registerMission.mockImplementation(() => Promise.reject(new Error('unexpected call')));
    });

    it('refuses a malformed key, naming the header', async () => {
      const res = await post(' bad key ', missionBody());
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'Idempotency-Key' })]);
    });

    it('records a verification in verification_audit', async () => {
      const cop = await gw.token({ sub: 'officer-12', roles: ['law-enforcement'] });
      // Accreditation answers a card nobody holds as unknown (it decides the status, not the gateway).
      gw.downstream.members.verifyIdCard.mockResolvedValueOnce({
        verification: { status: 'unknown', checkedAt: '2026-12-01T12:00:00.000Z' },
      });
      const res = await gw.request('GET', '/api/v1/verify?idCard=D-404', { token: cop });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('unknown');
      const rows = await ds.query(
        `SELECT actor_subject, actor_roles, query_kind, query_value, result_status FROM verification_audit WHERE query_value = 'D-404'`,
      );
      expect(rows).toEqual([
        {
          actor_subject: 'officer-12',
          actor_roles: ['law-enforcement'],
          query_kind: 'id-card',
          query_value: 'D-404',
          result_status: 'unknown',
        },
      ]);
    });
  });
});
