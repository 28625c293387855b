import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { clearFlag, flagCleared, flagRaised, raiseFlag } from '@ofm/compliance';
import { PROTO_FILES, TOPICS, type compliance } from '@ofm/contracts';
import { encodeEvent, KafkaMessageBus, MessagingService } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import { actorToMetadata, type Actor } from '@ofm/platform';
import {
  createGrpcTestClient,
  createTestDatabase,
  ensureTestTopics,
  failureOf,
  freePort,
  startGroupAtEnd,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  type GrpcTestClient,
  type TestDatabase,
} from '@ofm/testing';
import type { DataSource } from 'typeorm';
import { bootstrap } from '../src/bootstrap';
import { insightsDatabase } from '../src/data-source';

// The flag register in-process on a fresh database and the real Kafka broker: flags are produced as
// the raising services' outbox relays put them on the wire (ofm.compliance.flag.v1).
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const police: Actor = { subject: 'police-1', roles: ['law-enforcement'] };

describe('insights service: the flag register (PostgreSQL + Kafka)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let app: NestFastifyApplication | undefined;
  let base: string;
  let producer: KafkaMessageBus;
  let client: GrpcTestClient<Actor, 'FlagService'>;

  const missionA = randomUUID();
  const missionB = randomUUID();
  const memberA = randomUUID();
  const missionUserA: Actor = { subject: 'mission-a', roles: ['mission-user'], missionId: missionA };
  const missionUserB: Actor = { subject: 'mission-b', roles: ['mission-user'], missionId: missionB };

  const publish = async (event: ReturnType<typeof flagRaised> | ReturnType<typeof flagCleared>, id = randomUUID()) => {
    const message = encodeEvent({
      id,
      type: event.type.type,
      source: '/ofm/vehicles',
      subject: event.subject,
      time: new Date().toISOString(),
      data: event.data,
    });
    await producer.publish([{ topic: TOPICS.complianceFlag, messages: [message] }]);
    return id;
  };
  const processed = (eventId: string) =>
    waitFor(
      async () =>
        ((await ds.query(`SELECT 1 FROM inbox_event WHERE event_id = $1`, [eventId])) as unknown[]).length > 0,
      { timeoutMs: 60_000, what: `event ${eventId} in the inbox` },
    );
  const list = (request: Record<string, unknown>, actor: Actor = officer) =>
    client.call<{ flags: Array<Record<string, unknown>>; nextCursor: string }>(
      'FlagService',
      'listFlags',
      request,
      actor,
    );
  const lapse = (missionId: string, memberId?: string) =>
    raiseFlag({
      code: 'insurance-lapse',
      raisedBy: 'vehicles',
      missionId,
      ...(memberId ? { memberId } : {}),
      subjectType: 'vehicle',
      subjectId: randomUUID(),
      detail: 'liability insurance lapsed',
      at: new Date(),
    });
  const cleared = (flag: compliance.Flag) =>
    clearFlag({ ...flag, reasonCode: 'insurance-lapse', detail: 'insurance recorded again' }, new Date());

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'warn';
    await ensureTestTopics([TOPICS.complianceFlag]);
    db = await createTestDatabase('insights');
    const migrator = serviceDataSource(insightsDatabase, { url: db.url, poolSize: 1 });
    await migrator.initialize();
    await runMigrations(migrator);
    await migrator.destroy();

    const [httpPort, grpcPort] = [await freePort(), await freePort()];
    // A group of its own, started at the end: the broker's history is not this suite's.
    const group = uniqueName('ofm.insights.test');
    await startGroupAtEnd(group, [TOPICS.complianceFlag]);
    app = await bootstrap(
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        KAFKA_CONSUMER_GROUP: group,
        HTTP_PORT: String(httpPort),
        GRPC_PORT: String(grpcPort),
        LOG_LEVEL: 'warn',
      },
      { exitOnError: false },
    );
    await app.get(MessagingService).ready();
    base = `http://127.0.0.1:${httpPort}`;
    ds = serviceDataSource(insightsDatabase, { url: db.url, poolSize: 2 });
    await ds.initialize();
    producer = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'insights-int-test' });
    client = createGrpcTestClient<Actor, 'FlagService'>({
      address: `127.0.0.1:${grpcPort}`,
      protoFiles: [PROTO_FILES.flags],
      protoPackage: 'ofm.insights.v1',
      metadataOf: actorToMetadata,
    });
  });

  afterAll(async () => {
    client?.close();
    await producer?.disconnect();
    await ds?.destroy();
    await app?.close();
    await db?.drop();
  });

  it('reports ready once its database and Kafka answer, and serves its metrics', async () => {
    await waitFor(async () => (await fetch(`${base}/health/ready`)).status === 200, {
      timeoutMs: 60_000,
      what: 'insights /health/ready 200',
    });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('ofm_outbox_pending');
  });

  it('files a raised flag, open, in the contract’s words', async () => {
    const flag = lapse(missionA, memberA);
    await processed(await publish(flagRaised(flag)));
    const { flags } = await list({ memberId: memberA });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      id: flag.id,
      code: 'insurance-lapse',
      program: 'vehicles',
      severity: 'high',
      visibility: 'partner',
      missionId: missionA,
      memberId: memberA,
      status: 'open',
      raisedAt: flag.raisedAt,
      subjectType: 'vehicle',
      subjectId: flag.subjectId,
      raisedBy: 'vehicles',
      detail: 'liability insurance lapsed',
    });
  });

  it('closes a flag on its clear, and a redelivered raise neither reopens nor doubles it', async () => {
    const flag = lapse(missionA);
    const raiseId = await publish(flagRaised(flag));
    await processed(raiseId);
    await processed(await publish(flagCleared(cleared(flag), 'insurance recorded')));
    // The same event (same ce_id) again, as Kafka redelivers after a lost commit.
    await publish(flagRaised(flag), raiseId);
    const marker = lapse(missionA);
    await processed(await publish(flagRaised(marker)));

    const { flags: open } = await list({ missionId: missionA });
    expect(open.map((f) => f.id)).not.toContain(flag.id);
    const { flags: closed } = await list({ missionId: missionA, status: 'cleared' });
    expect(closed.filter((f) => f.id === flag.id)).toEqual([
      expect.objectContaining({ status: 'cleared', raisedAt: flag.raisedAt, clearedAt: expect.any(String) }),
    ]);
    const rows = await ds.query(`SELECT count(*)::int AS n FROM flag WHERE id = $1`, [flag.id]);
    expect(rows[0].n).toBe(1);
  });

  it('ends cleared when the clear arrives before the raise', async () => {
    const flag = lapse(missionA);
    await processed(await publish(flagCleared(cleared(flag), 'insurance recorded')));
    await processed(await publish(flagRaised(flag)));
    const { flags } = await list({ missionId: missionA, status: 'cleared' });
    expect(flags.find((f) => f.id === flag.id)).toMatchObject({
      status: 'cleared',
      raisedAt: flag.raisedAt,
      detail: 'liability insurance lapsed',
    });
  });

  it('filters by program and mission, and shows a mission user only its own mission', async () => {
    const late = raiseFlag({
      code: 'late-notification',
      raisedBy: 'accreditation',
      missionId: missionB,
      memberId: randomUUID(),
      subjectType: 'member',
      subjectId: randomUUID(),
      detail: 'notified 40 days after arrival',
      at: new Date(),
    });
    await processed(await publish(flagRaised(late)));

    expect((await list({ program: 'accreditation', missionId: missionB })).flags.map((f) => f.id)).toEqual([late.id]);
    expect((await list({ program: 'accreditation', missionId: missionA })).flags).toEqual([]);
    // Internal flags are the mission's own compliance items: its users see them.
    expect((await list({}, missionUserB)).flags.map((f) => f.id)).toEqual([late.id]);
    const ownA = (await list({}, missionUserA)).flags;
    expect(ownA.length).toBeGreaterThan(0);
    expect(ownA.every((f) => f.missionId === missionA)).toBe(true);
    expect((await list({ memberId: memberA }, missionUserB)).flags).toEqual([]);
  });

  it('refuses another mission to a mission user, law enforcement, and bad filters, naming the problem', async () => {
    expect(await failureOf(list({ missionId: missionA }, missionUserB))).toMatchObject({
      code: status.PERMISSION_DENIED,
    });
    expect((await failureOf(list({}, police))).code).toBe(status.PERMISSION_DENIED);
    const bad = await failureOf(list({ program: 'parking', memberId: 'nope' }));
    expect(bad.code).toBe(status.INVALID_ARGUMENT);
    expect(bad.problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['memberId', 'program']);
  });

  it('pages in arrival order', async () => {
    const first = await list({ missionId: missionA, page: { limit: 1 } });
    expect(first.flags).toHaveLength(1);
    expect(first.nextCursor).not.toBe('');
    const second = await list({ missionId: missionA, page: { limit: 1, cursor: first.nextCursor } });
    expect(second.flags[0]!.id).not.toBe(first.flags[0]!.id);
  });
});
