import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ALL_TOPICS, EVENT_TYPES, TOPICS } from '@ofm/contracts';
import { addDays, COUNTRY_CODES, ofmDay } from '@ofm/kernel';
import { MessagingService } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import type { Actor } from '@ofm/platform';
import { defaultProfile } from '@ofm/reciprocity';
import {
  createTestDatabase,
  ensureTestTopics,
  failureOf,
  freePort,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type TestDatabase,
} from '@ofm/testing';
import { Client } from 'pg';
import { bootstrap } from '../src/bootstrap';
import { reciprocityDatabase } from '../src/data-source';
import { createReciprocityClient, type ReciprocityClient } from './reciprocity-grpc.client';
import { readTopics, type SeenEvent } from './topic-reader';

// The service as it starts in production, in-process: a fresh database migrated by its own
// migrations (the default profile of every country seeded), real Kafka, free ports.
jest.setTimeout(120_000);

const admin: Actor = { subject: 'admin-1', roles: ['ofm-admin'] };
const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const missionUser: Actor = {
  subject: 'mission-1',
  roles: ['mission-user'],
  missionId: '0b7d2f0e-2f59-4a53-9a43-1d5c1a3d1f00',
};
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };
const today = ofmDay(new Date());

describe('reciprocity service (PostgreSQL + Kafka)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication | undefined;
  let client: ReciprocityClient;
  let base: string;
  let events: { seen: SeenEvent[]; stop: () => Promise<void> };

  const eventsOf = (type: string, subject: string) =>
    events.seen.filter((e) => e.headers.ce_type === type && e.headers.ce_subject === subject);

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    await ensureTestTopics([...ALL_TOPICS]);
    db = await createTestDatabase('reciprocity');
    const ds = serviceDataSource(reciprocityDatabase, { url: db.url, poolSize: 1 });
    await ds.initialize();
    await runMigrations(ds);
    await ds.destroy();
    events = await readTopics([TOPICS.reciprocityProfile, TOPICS.reciprocityAgreement]);

    const [httpPort, grpcPort] = await Promise.all([freePort(), freePort()]);
    app = await bootstrap(
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CONSUMER_GROUP: uniqueName('ofm.reciprocity.test'),
        HTTP_PORT: String(httpPort),
        GRPC_PORT: String(grpcPort),
        LOG_LEVEL: 'warn',
      },
      { exitOnError: false },
    );
    await app.get(MessagingService).ready();
    base = `http://127.0.0.1:${httpPort}`;
    client = createReciprocityClient(`127.0.0.1:${grpcPort}`);
  });

  afterAll(async () => {
    client?.close();
    await events?.stop();
    await app?.close();
    await db?.drop();
  });

  it('reports ready once its database and Kafka answer, and serves its metrics', async () => {
    await waitFor(async () => (await fetch(`${base}/health/ready`)).status === 200, {
      timeoutMs: 60_000,
      what: 'reciprocity /health/ready 200',
    });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('ofm_outbox_pending');
  });

  it('has version 1 of every country (ISO 3166-1 and XK), the documented default', async () => {
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(`SELECT count(*)::int AS n, max(version)::int AS v FROM profile_version`);
      expect(rows[0]).toEqual({ n: COUNTRY_CODES.size, v: 1 });
    } finally {
      await pg.end();
    }
    const { profile } = await client.call('getProfile', { country: 'XK' }, missionUser);
    expect(profile).toMatchObject({ ...defaultProfile('XK'), recordedAt: expect.any(String) });
  });

  it('lets every OFM role and mission users read a profile, not law enforcement; only admins change it', async () => {
    for (const reader of [admin, officer, missionUser]) {
      expect((await client.call('getProfile', { country: 'FR' }, reader)).profile.version).toBe(1);
    }
    expect((await failureOf(client.call('getProfile', { country: 'FR' }, police))).code).toBe(status.PERMISSION_DENIED);
    const put = client.call(
      'updateProfile',
      { country: 'FR', profile: defaultProfile('FR'), expectedVersion: 1 },
      officer,
    );
    expect((await failureOf(put)).code).toBe(status.PERMISSION_DENIED);
  });

  it('records a new version with its event in the envelope, refuses a stale If-Match with 409, lists the history', async () => {
    const body = {
      ...defaultProfile('FR'),
      sameSexSpouseAccreditation: 'granted',
      effectiveFrom: today,
      source: 'cable 26 PARIS 1',
    };
    const { profile } = await client.call('updateProfile', { country: 'FR', profile: body, expectedVersion: 1 }, admin);
    expect(profile).toMatchObject({
      country: 'FR',
      version: 2,
      sameSexSpouseAccreditation: 'granted',
      recordedBy: 'admin-1',
    });

    const stale = await failureOf(
      client.call('updateProfile', { country: 'FR', profile: body, expectedVersion: 1 }, admin),
    );
    expect(stale.problem).toMatchObject({ status: 409, detail: expect.stringContaining('current version is 2') });

    await waitFor(async () => eventsOf(EVENT_TYPES.profileUpdated.type, 'FR').length === 1, {
      timeoutMs: 30_000,
      what: 'profile.updated of FR on the topic',
    });
    const [event] = eventsOf(EVENT_TYPES.profileUpdated.type, 'FR');
    expect(event).toMatchObject({
      topic: TOPICS.reciprocityProfile,
      key: 'FR',
      headers: {
        ce_specversion: '1.0',
        ce_source: '/ofm/reciprocity',
        ce_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        'content-type': 'application/json',
      },
      value: { profile: { country: 'FR', version: 2, sameSexSpouseAccreditation: 'granted' }, previousVersion: 1 },
    });

    const { profiles } = await client.call('listProfileHistory', { country: 'FR' }, officer);
    expect(profiles.map((p: { version: number }) => p.version)).toEqual([2, 1]);

    // Audited with the version before and after, by the admin who recorded it.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const { rows } = await pg.query(
        `SELECT actor_subject, action, before->>'version' AS before, after->>'version' AS after
           FROM audit_record WHERE entity_type = 'reciprocity_profile' AND entity_id = 'FR'`,
      );
      expect(rows).toEqual([{ actor_subject: 'admin-1', action: 'profile.updated', before: '1', after: '2' }]);
    } finally {
      await pg.end();
    }
  });

  it('answers a PUT that changes nothing with the current version, recording nothing', async () => {
    const { profile: current } = await client.call('getProfile', { country: 'FR' }, admin);
    const { profile } = await client.call(
      'updateProfile',
      { country: 'FR', profile: current, expectedVersion: 2 },
      admin,
    );
    expect(profile.version).toBe(2);
    const { profiles } = await client.call('listProfileHistory', { country: 'FR' }, admin);
    expect(profiles).toHaveLength(2);
  });

  it('counts the measures over the version in force on the day: a past day is as it was', async () => {
    const now = (await client.call('getMeasures', {}, officer)).measures;
    const before = (await client.call('getMeasures', { asOf: addDays(today, -1) }, officer)).measures;
    expect(now).toMatchObject({ asOf: today, countries: COUNTRY_CODES.size, sameSexSpouseAccreditationGranted: 1 });
    expect(before).toMatchObject({
      asOf: addDays(today, -1),
      countries: COUNTRY_CODES.size,
      sameSexSpouseAccreditationGranted: 0,
    });
  });

  it('keeps a future-dated version out of today and in force from its day', async () => {
    const later = addDays(today, 30);
    const body = {
      ...defaultProfile('IT'),
      propertyPurchase: 'lease-only',
      effectiveFrom: later,
      source: 'note verbale',
    };
    await client.call('updateProfile', { country: 'IT', profile: body, expectedVersion: 1 }, admin);
    expect((await client.call('getProfile', { country: 'IT' }, admin)).profile.version).toBe(1);
    expect((await client.call('getProfile', { country: 'IT', asOf: later }, admin)).profile.version).toBe(2);
  });

  it('refuses a body of another country and travel categories that are not member categories, naming them', async () => {
    const wrong = await failureOf(
      client.call('updateProfile', { country: 'FR', profile: defaultProfile('DE'), expectedVersion: 0 }, admin),
    );
    // Two fields that must agree: a rule (422), not a shape the schema refuses (400).
    expect(wrong.code).toBe(status.FAILED_PRECONDITION);
    expect(wrong.problem.rule).toBe('profile-country');
    expect(wrong.problem.errors).toEqual([{ field: 'country', message: expect.stringContaining('(FR)') }]);
    const categories = await failureOf(
      client.call(
        'updateProfile',
        { country: 'FR', profile: { ...defaultProfile('FR'), travelCategories: ['tourist'] }, expectedVersion: 0 },
        admin,
      ),
    );
    expect(categories.code).toBe(status.INVALID_ARGUMENT);
    expect(categories.problem.errors).toEqual([
      { field: 'profile.travelCategories.0', message: expect.stringContaining('must be one of diplomatic-agent') },
    ]);
  });

  describe('agreements', () => {
    let id: string;
    const move = (status: string, version: number, extra: object = {}) =>
      client.call('changeAgreementStatus', { id, status, expectedVersion: version, ...extra }, admin);

    it('records a proposed agreement, published on the agreement topic; officers read it', async () => {
      const { agreement } = await client.call(
        'recordAgreement',
        {
          country: 'DE',
          subject: 'same-sex-accreditation',
          summary: 'Spouses of staff on both sides',
          documents: ['note 1'],
        },
        admin,
      );
      id = agreement.id;
      expect(agreement).toMatchObject({
        country: 'DE',
        status: 'proposed',
        proposedOn: today,
        version: 1,
      });
      // Not reached yet: absent, never an empty day or a version 0.
      for (const field of ['signedOn', 'inForceOn', 'lapsedOn', 'profileVersion'])
        expect(agreement[field] ?? null).toBeNull();
      expect((await client.call('getAgreement', { id }, officer)).agreement.id).toBe(id);
      expect(
        (await client.call('listAgreements', { country: 'DE', status: 'proposed' }, officer)).agreements,
      ).toHaveLength(1);
      expect((await client.call('listAgreements', { country: 'DE', status: 'signed' }, officer)).agreements).toEqual(
        [],
      );
      expect((await failureOf(client.call('getAgreement', { id }, missionUser))).code).toBe(status.PERMISSION_DENIED);
      await waitFor(async () => eventsOf(EVENT_TYPES.agreementRecorded.type, id).length === 1, {
        timeoutMs: 30_000,
        what: 'agreement.recorded on the topic',
      });
      expect(eventsOf(EVENT_TYPES.agreementRecorded.type, id)[0]!.topic).toBe(TOPICS.reciprocityAgreement);
    });

    it('refuses a transition the state machine does not allow, and entry into force without its profile', async () => {
      const skip = await failureOf(move('in-force', 1, { profile: defaultProfile('DE') }));
      expect(skip.problem).toMatchObject({ status: 422, rule: 'agreement-transition' });
      await move('negotiating', 1);
      await move('signed', 2, { on: today });
      const bare = await failureOf(move('in-force', 3));
      expect(bare.problem).toMatchObject({ status: 422, rule: 'agreement-profile', errors: [{ field: 'profile' }] });
    });

    it('enters into force with the profile version it brings, linked to it, in the same transaction', async () => {
      const body = { ...defaultProfile('DE'), sameSexSpouseAccreditation: 'granted', source: 'agreement DE-US 2026' };
      const { agreement } = await move('in-force', 3, { on: today, profile: body, documents: ['signed text'] });
      expect(agreement).toMatchObject({
        status: 'in-force',
        inForceOn: today,
        signedOn: today,
        profileVersion: 2,
        version: 4,
      });
      expect(agreement.documents).toEqual(['note 1', 'signed text']);
      const { profile } = await client.call('getProfile', { country: 'DE' }, officer);
      expect(profile).toMatchObject({
        version: 2,
        agreementId: id,
        effectiveFrom: today,
        sameSexSpouseAccreditation: 'granted',
      });
      await waitFor(
        async () =>
          eventsOf(EVENT_TYPES.profileUpdated.type, 'DE').length === 1 &&
          eventsOf(EVENT_TYPES.agreementStatusChanged.type, id).length === 3,
        { timeoutMs: 30_000, what: 'DE profile.updated and three agreement.status-changed' },
      );
      const stale = await failureOf(move('lapsed', 3));
      expect(stale.problem.status).toBe(409);
    });
  });
});
