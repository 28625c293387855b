import { ALL_TOPICS, PROTO_FILES } from '@ofm/contracts';
import { actorToMetadata, type Actor } from '@ofm/platform';
import {
  createGrpcTestClient,
  createTestDatabase,
  ensureTestTopics,
  failureOf,
  freePort,
  migrateService,
  startService,
  testKafkaBrokers,
  uniqueName,
  waitFor,
  waitForReady,
  type GrpcTestClient,
  type ServiceProcess,
  type TestDatabase,
} from '@ofm/testing';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { diplomat, mission } from './fixtures';

// A member insert that PostgreSQL refuses makes the database echo the row: the query's parameters,
// "Failing row contains (…)", "Key (…)=(…) already exists", a value quoted in the message. The real
// built service (its logger, telemetry and exception filters) runs on a fresh database whose member
// table the test breaks; its JSON log must say what failed and for which trace, and hold no name or
// date of birth.
jest.setTimeout(120_000);

const officer: Actor = { subject: 'officer-1', roles: ['ofm-officer'] };

// A caller with the trace the service must log.
interface TracedCaller {
  actor: Actor;
  traceId: string;
}

// Names and a date that appear nowhere else in the service's log.
const person = (tag: string) => ({
  givenName: `Ysolde${tag}`,
  familyName: `Quarendon${tag}`,
  dateOfBirth: `1961-07-${tag}`,
});

interface LogLine {
  level: string;
  msg: string;
  trace_id?: string;
  err?: Record<string, any>;
  [key: string]: unknown;
}

describe('accreditation logs without personal data', () => {
  let db: TestDatabase;
  let service: ServiceProcess;
  let client: GrpcTestClient<TracedCaller, 'MissionService' | 'MemberService'>;
  let pg: Client;
  let missionId: string;

  beforeAll(async () => {
    await ensureTestTopics([...ALL_TOPICS]);
    db = await createTestDatabase('accreditation_logs');
    migrateService('accreditation', db.url);
    const httpPort = await freePort();
    const grpcPort = await freePort();
    service = startService(
      'accreditation',
      {
        DATABASE_URL: db.url,
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        HTTP_PORT: String(httpPort),
        GRPC_PORT: String(grpcPort),
        KAFKA_CONSUMER_GROUP: uniqueName('accreditation-logs'),
        // Debug shows TypeORM's own "query failed" lines too.
        LOG_LEVEL: 'debug',
      },
      uniqueName('accreditation-logs'),
    );
    await waitForReady(service, `http://127.0.0.1:${httpPort}`);
    client = createGrpcTestClient({
      address: `127.0.0.1:${grpcPort}`,
      protoFiles: [PROTO_FILES.mission, PROTO_FILES.member],
      protoPackage: 'ofm.accreditation.v1',
      metadataOf: ({ actor, traceId }) => {
        const metadata = actorToMetadata(actor);
        metadata.set('traceparent', `00-${traceId}-${randomBytes(8).toString('hex')}-01`);
        return metadata;
      },
    });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    missionId = (await client.call('MissionService', 'registerMission', mission(), caller())).mission.id;
  });

  afterAll(async () => {
    client?.close();
    await pg?.end();
    await service?.stop();
    await db?.drop();
  });

  const caller = (): TracedCaller => ({ actor: officer, traceId: randomBytes(16).toString('hex') });

  const logText = (): string => readFileSync(service.logFile, 'utf8');

  const logLines = (): LogLine[] =>
    logText()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);

  // The exception filter's line for the call of this trace (stdout reaches the file a moment later).
  const unexpectedErrorOf = (traceId: string): Promise<LogLine> =>
    waitFor(
      () => logLines().find((line) => line.trace_id === traceId && line.level === 'error' && line.err !== undefined),
      { timeoutMs: 10_000, what: `the error line of trace ${traceId} in ${service.logFile}` },
    );

  const notifyFails = async (who: ReturnType<typeof person>) => {
    const traced = caller();
    const failure = await failureOf(
      client.call('MemberService', 'notifyAppointment', diplomat(missionId, who), traced),
    );
    // INTERNAL, and the caller is told nothing of the internals either.
    expect(failure.code).toBe(13);
    expect(JSON.stringify(failure.problem)).not.toContain(who.givenName);
    return unexpectedErrorOf(traced.traceId);
  };

  const expectNoPersonalData = (who: ReturnType<typeof person>) => {
    const text = logText();
    for (const value of Object.values(who)) expect(text).not.toContain(value);
  };

  it('a check violation: says which constraint of which table refused the row, without the row', async () => {
    await pg.query('ALTER TABLE member ADD CONSTRAINT member_refuses_all CHECK (false) NOT VALID');
    const who = person('11');
    try {
      const line = await notifyFails(who);
      expect(line).toMatchObject({
        msg: expect.stringContaining('NotifyAppointment'),
        err: {
          type: 'QueryFailedError',
          code: '23514',
          table: 'member',
          constraint: 'member_refuses_all',
          detail: 'Failing row contains (***).',
          parameters: '***',
          query: expect.stringContaining('INSERT INTO "member"'),
        },
      });
      expect(line.err!.message).toContain('violates check constraint "member_refuses_all"');
      expect(line.err!.driverError).toMatchObject({ code: '23514', detail: 'Failing row contains (***).' });
    } finally {
      await pg.query('ALTER TABLE member DROP CONSTRAINT member_refuses_all');
    }
    expectNoPersonalData(who);
  });

  it('a unique violation: names the key columns, not their values', async () => {
    await pg.query('CREATE UNIQUE INDEX member_person_key ON member (given_name, family_name, date_of_birth)');
    const who = person('12');
    try {
      await client.call('MemberService', 'notifyAppointment', diplomat(missionId, who), caller());
      const line = await notifyFails(who);
      expect(line.err).toMatchObject({
        code: '23505',
        table: 'member',
        constraint: 'member_person_key',
        detail: 'Key (given_name, family_name, date_of_birth)=(***) already exists.',
      });
    } finally {
      await pg.query('DROP INDEX member_person_key');
    }
    // TypeORM's own line for the failed query (debug) is there too, also without the values.
    expect(logLines().some((l) => l.msg === 'query failed' && l.code === '23505')).toBe(true);
    expectNoPersonalData(who);
  });

  it('a value quoted in the message: the message says what was wrong, not the value', async () => {
    await pg.query(
      `ALTER TABLE member ADD CONSTRAINT member_name_is_a_date CHECK (given_name::date IS NOT NULL) NOT VALID`,
    );
    const who = person('13');
    try {
      const line = await notifyFails(who);
      expect(line.err).toMatchObject({ code: '22007', message: 'invalid input syntax for type date: "***"' });
      expect(line.err!.stack).toContain('invalid input syntax for type date: "***"');
    } finally {
      await pg.query('ALTER TABLE member DROP CONSTRAINT member_name_is_a_date');
    }
    expectNoPersonalData(who);
  });
});
