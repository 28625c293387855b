import { status } from '@grpc/grpc-js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ALL_TOPICS, PROTO_FILES } from '@ofm/contracts';
import { KafkaMessageBus, provisionTopics } from '@ofm/messaging';
import { runMigrations, serviceDataSource } from '@ofm/persistence';
import { actorToMetadata, REQUEST_ID_KEY, requestIdToMetadata, type Actor } from '@ofm/platform';
import {
  createGrpcTestClient,
  createTestDatabase,
  failureOf,
  freePort,
  testKafkaBrokers,
  type GrpcTestClient,
  type TestDatabase,
} from '@ofm/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { bootstrap } from '../src/bootstrap';
import { accreditationDatabase } from '../src/data-source';
import { diplomat, mission } from './fixtures';

// A command retried with the same request id (x-ofm-request-id, what the gateway derives from an
// Idempotency-Key) runs once: its effect, audit record, outbox event and receipt commit together, and
// the retry gets the first answer. Real service over real gRPC, real PostgreSQL.
jest.setTimeout(120_000);

interface Caller {
  actor: Actor;
  requestId?: string;
}

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };
const NOTIFY = '/ofm.accreditation.v1.MemberService/NotifyAppointment';

describe('accreditation commands under a request id (command receipts)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let client: GrpcTestClient<Caller, 'MissionService' | 'MemberService'>;
  let pg: Client;

  beforeAll(async () => {
    db = await createTestDatabase('accreditation_receipt');
    const ds = serviceDataSource(accreditationDatabase, { url: db.url, poolSize: 1 });
    await ds.initialize();
    await runMigrations(ds);
    await ds.destroy();
    const bus = new KafkaMessageBus({ brokers: testKafkaBrokers(), clientId: 'accreditation-receipt-test-admin' });
    await provisionTopics(bus, ALL_TOPICS);
    await bus.disconnect();

    process.env.LOG_LEVEL = 'warn';
    const grpcPort = await freePort();
    app = await bootstrap(
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        HTTP_PORT: String(await freePort()),
        GRPC_PORT: String(grpcPort),
        LOG_LEVEL: 'warn',
      },
      { exitOnError: false },
    );
    client = createGrpcTestClient({
      address: `127.0.0.1:${grpcPort}`,
      protoFiles: [PROTO_FILES.mission, PROTO_FILES.member],
      protoPackage: 'ofm.accreditation.v1',
      metadataOf: ({ actor, requestId }: Caller) => requestIdToMetadata(requestId, actorToMetadata(actor)),
    });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  }, 120_000);

  afterAll(async () => {
    client?.close();
    await app?.close();
    await pg?.end();
    await db?.drop();
  }, 120_000);

  const as = (requestId?: string): Caller => (requestId ? { actor: officer, requestId } : { actor: officer });
  const register = async (name: string, requestId?: string) =>
    (await client.call('MissionService', 'registerMission', mission({ name }), as(requestId))).mission;
  const notify = (request: object, requestId?: string) =>
    client.call('MemberService', 'notifyAppointment', request, as(requestId));
  const accredit = (id: string, requestId?: string) =>
    client.call('MemberService', 'accreditMember', { id, decision: 'accredit', expectedVersion: 0 }, as(requestId));
  const count = async (sql: string, params: unknown[]): Promise<number> =>
    (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  const membersNamed = (familyName: string) => count('member WHERE family_name = $1', [familyName]);
  const outboxEvents = (type: string, subject: string) =>
    count('outbox_event WHERE type = $1 AND subject = $2', [type, subject]);
  const receiptsOf = async (requestId: string) =>
    (await pg.query('SELECT method, answer FROM command_receipt WHERE request_id = $1', [requestId])).rows;

  it('runs NotifyAppointment once for two calls with the same request id, and answers the same member', async () => {
    const m = await register('Embassy of France (receipts 1)');
    const requestId = randomUUID();
    const first = await notify(diplomat(m.id, { familyName: 'Receipt-Same' }), requestId);
    const again = await notify(diplomat(m.id, { familyName: 'Receipt-Same' }), requestId);

    expect(again).toEqual(first);
    expect(first.member).toMatchObject({ status: 'notified', familyName: 'Receipt-Same', version: 1 });
    expect(await membersNamed('Receipt-Same')).toBe(1);
    expect(await outboxEvents('gov.ofm.accreditation.member.notified.v1', first.member.id)).toBe(1);
    expect(await count('audit_record WHERE entity_id = $1', [first.member.id])).toBe(1);
    const receipts = await receiptsOf(requestId);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ method: NOTIFY, answer: { kind: 'value' } });
    expect(receipts[0].answer.value.id).toBe(first.member.id);
  });

  it('runs it twice for two request ids, and every time without one', async () => {
    const m = await register('Embassy of France (receipts 2)');
    const a = await notify(diplomat(m.id, { familyName: 'Receipt-Other' }), randomUUID());
    const b = await notify(diplomat(m.id, { familyName: 'Receipt-Other' }), randomUUID());
    await notify(diplomat(m.id, { familyName: 'Receipt-Other' }));
    expect(b.member.id).not.toBe(a.member.id);
    expect(b.member.pid).not.toBe(a.member.pid);
    expect(await membersNamed('Receipt-Other')).toBe(3);
    expect(await outboxEvents('gov.ofm.accreditation.member.notified.v1', a.member.id)).toBe(1);
    expect(await outboxEvents('gov.ofm.accreditation.member.notified.v1', b.member.id)).toBe(1);
  });

  it('registers one mission for concurrent duplicates of RegisterMission', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => register('Embassy of France (receipts 3)', requestId)),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    expect(await count('mission WHERE name = $1', ['Embassy of France (receipts 3)'])).toBe(1);
    expect(await outboxEvents('gov.ofm.accreditation.mission.registered.v1', answers[0].id)).toBe(1);
  });

  it('answers a retried refusal with the same 422, decided and published once', async () => {
    const m = await register('Embassy of France (receipts 4)');
    const { member } = await notify(
      diplomat(m.id, { familyName: 'Receipt-Refused', passportType: 'regular', visaClass: 'A-2', title: 'Driver' }),
    );
    const requestId = randomUUID();
    const first = await failureOf(accredit(member.id, requestId));
    const again = await failureOf(accredit(member.id, requestId));
    expect(first.code).toBe(status.FAILED_PRECONDITION);
    expect(again).toEqual(first);
    expect(first.problem).toMatchObject({ status: 422, rule: 'accreditation-criteria' });

    const version = async () =>
      (await pg.query('SELECT version FROM member WHERE id = $1', [member.id])).rows[0].version;
    expect(await version()).toBe(2);
    expect(await outboxEvents('gov.ofm.accreditation.member.refused.v1', member.id)).toBe(1);
    expect(await count(`audit_record WHERE entity_id = $1 AND action = 'member.refused'`, [member.id])).toBe(1);

    // Another request id is another decision (a refused member may be decided again).
    expect((await failureOf(accredit(member.id, randomUUID()))).code).toBe(status.FAILED_PRECONDITION);
    expect(await version()).toBe(3);
    expect(await outboxEvents('gov.ofm.accreditation.member.refused.v1', member.id)).toBe(2);
  });

  it('records no receipt for reads, nor for a command that changed nothing', async () => {
    const m = await register('Embassy of France (receipts 5)');
    const read = randomUUID();
    await client.call('MissionService', 'getMission', { id: m.id }, as(read));
    await client.call('MemberService', 'listMembers', { missionId: m.id }, as(read));
    expect(await receiptsOf(read)).toEqual([]);

    const failed = randomUUID();
    const unknownMission = randomUUID();
    expect((await failureOf(notify(diplomat(unknownMission, { familyName: 'Receipt-None' }), failed))).code).toBe(
      status.NOT_FOUND,
    );
    expect(await receiptsOf(failed)).toEqual([]);
    // Nothing was recorded, so the same id may run the corrected command.
    const fixed = await notify(diplomat(m.id, { familyName: 'Receipt-None' }), failed);
    expect(fixed.member.missionId).toBe(m.id);
    expect(await receiptsOf(failed)).toHaveLength(1);
  });

  it('refuses a malformed request id rather than running the command without one', async () => {
    const { code, problem } = await failureOf(
      client.call(
        'MissionService',
        'registerMission',
        mission({ name: 'Embassy of France (receipts 6)' }),
        as('x'.repeat(300)),
      ),
    );
    expect(code).toBe(status.INVALID_ARGUMENT);
    expect(problem.errors).toEqual([expect.objectContaining({ field: REQUEST_ID_KEY })]);
    expect(await count('mission WHERE name = $1', ['Embassy of France (receipts 6)'])).toBe(0);
  });
});
