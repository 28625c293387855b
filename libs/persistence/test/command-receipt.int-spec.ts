import { DomainError, ruleViolated, runInRequestContext, type RequestContext } from '@ofm/platform';
import { createTestDatabase, type TestDatabase } from '@ofm/testing';
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn, type DataSource, type EntityManager } from 'typeorm';
import {
  createDataSource,
  inCommand,
  purgeCommandReceipts,
  recordAudit,
  refuseAfterCommit,
  runMigrations,
} from '../src';

@Entity({ name: 'mission' })
class Mission {
  @PrimaryColumn('uuid') id!: string;
  @Column('text') name!: string;
}

const officer = { subject: 'officer-1', roles: ['ofm-officer'] };
const REGISTER = '/ofm.accreditation.v1.MissionService/RegisterMission';

// inCommand against a real PostgreSQL: the receipt shares the transaction of the command's effect.
describe('inCommand (command receipts)', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('persistence_receipt');
    ds = createDataSource({
      url: db.url,
      entities: [Mission],
      migrations: [],
      applicationName: 'ofm-persistence-receipt-test',
      poolSize: 12,
    });
    await runMigrations(ds);
    await ds.query('CREATE TABLE mission (id uuid PRIMARY KEY, name text NOT NULL)');
  });

  afterAll(async () => {
    if (ds?.isInitialized) await ds.destroy();
    await db?.drop();
  });

  let runs = 0;
  const register = (name: string, hold?: Promise<void>) =>
    inCommand(ds, async (em: EntityManager) => {
      runs++;
      const id = randomUUID();
      await em.insert(Mission, { id, name });
      await recordAudit(em, {
        actor: officer,
        action: 'mission.registered',
        entityType: 'mission',
        entityId: id,
        before: null,
        after: { name },
      });
      await hold;
      return { mission: { id, name, version: 1, address: { city: 'Washington' }, tags: ['a'] } };
    });
  // Each call is one gRPC request: its own context, as RequestContextInterceptor makes it.
  const asRequest = <T>(requestId: string | undefined, fn: () => Promise<T>, method = REGISTER): Promise<T> =>
    requestId === undefined ? fn() : runInRequestContext({ requestId, method }, fn);
  const missions = async (name: string): Promise<number> =>
    (await ds.getRepository(Mission).countBy({ name })) as number;
  const receipts = async (requestId: string): Promise<{ method: string; answer: unknown }[]> =>
    ds.query('SELECT method, answer FROM command_receipt WHERE request_id = $1 ORDER BY method', [requestId]);

  beforeEach(() => {
    runs = 0;
  });

  it('runs a command once per request id and answers the first answer again', async () => {
    const first = await asRequest('req-1', () => register('Embassy of Iceland'));
    const again = await asRequest('req-1', () => register('Embassy of Iceland'));
    expect(again).toEqual(first);
    expect(runs).toBe(1);
    expect(await missions('Embassy of Iceland')).toBe(1);
    expect(await receipts('req-1')).toEqual([{ method: REGISTER, answer: { kind: 'value', value: first } }]);
  });

  it('runs again under another request id, and every time without one', async () => {
    await asRequest('req-2a', () => register('Embassy of Chile'));
    await asRequest('req-2b', () => register('Embassy of Chile'));
    await register('Embassy of Chile');
    await register('Embassy of Chile');
    expect(runs).toBe(4);
    expect(await missions('Embassy of Chile')).toBe(4);
  });

  it('keeps one request id apart per method', async () => {
    await asRequest('req-3', () => register('Embassy of Peru'));
    await asRequest('req-3', () => register('Embassy of Peru'), '/ofm.vehicles.v1.VehicleService/RegisterVehicle');
    expect(runs).toBe(2);
    expect((await receipts('req-3')).map((r) => r.method)).toHaveLength(2);
  });

  it('lets exactly one of concurrent duplicates run; the others wait and replay its answer', async () => {
    let release!: () => void;
    const hold = new Promise<void>((resolve) => (release = resolve));
    const first = asRequest('req-4', () => register('Embassy of Ghana', hold));
    while (runs === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const duplicates = Array.from({ length: 5 }, () => asRequest('req-4', () => register('Embassy of Ghana')));
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();
    const answers = await Promise.all([first, ...duplicates]);
    expect(new Set(answers.map((a) => a.mission.id)).size).toBe(1);
    expect(runs).toBe(1);
    expect(await missions('Embassy of Ghana')).toBe(1);
  });

  it('records nothing when the command rolls back, so a retry runs', async () => {
    const failing = () =>
      inCommand(ds, async (em) => {
        runs++;
        await em.insert(Mission, { id: randomUUID(), name: 'Embassy of Nepal' });
        throw ruleViolated('mission-active', 'not now');
      });
    await expect(asRequest('req-5', failing)).rejects.toMatchObject({ kind: 'rule', rule: 'mission-active' });
    expect(await receipts('req-5')).toEqual([]);
    await asRequest('req-5', () => register('Embassy of Nepal'));
    expect(runs).toBe(2);
    expect(await missions('Embassy of Nepal')).toBe(1);
  });

  it('commits a refusal before answering it, and answers a retry with the same refusal', async () => {
    const refuse = () =>
      inCommand(ds, async (em) => {
        runs++;
        await em.insert(Mission, { id: randomUUID(), name: 'Embassy of Fiji' });
        return refuseAfterCommit(
          ruleViolated('accreditation-criteria', 'Criteria not met; the refusal is recorded', [
            { field: 'visaClass', message: 'must match the category' },
          ]),
        );
      });
    const first = await asRequest('req-6', refuse).catch((e: unknown) => e);
    const again = await asRequest('req-6', refuse).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(DomainError);
    expect(again).toBeInstanceOf(DomainError);
    expect(again).toMatchObject({
      kind: 'rule',
      rule: 'accreditation-criteria',
      detail: 'Criteria not met; the refusal is recorded',
      errors: [{ field: 'visaClass', message: 'must match the category' }],
    });
    expect(runs).toBe(1);
    expect(await missions('Embassy of Fiji')).toBe(1);
    // Without a request id the refusal still commits first.
    await expect(refuse()).rejects.toMatchObject({ rule: 'accreditation-criteria' });
    expect(await missions('Embassy of Fiji')).toBe(2);
  });

  it('refuses a second command in the same request, which would otherwise answer the first', async () => {
    const context: RequestContext = { requestId: 'req-7', method: REGISTER };
    await expect(
      runInRequestContext(context, async () => {
        await register('Embassy of Laos');
        await register('Embassy of Laos');
      }),
    ).rejects.toThrow('inCommand ran twice');
    expect(await missions('Embassy of Laos')).toBe(1);
  });

  it('forgets receipts past their retention', async () => {
    await asRequest('req-8-old', () => register('Embassy of Mali'));
    await asRequest('req-8-new', () => register('Embassy of Mali'));
    await ds.query(`UPDATE command_receipt SET created_at = now() - interval '8 days' WHERE request_id = 'req-8-old'`);
    expect(await purgeCommandReceipts(ds, 7)).toBeGreaterThanOrEqual(1);
    expect(await receipts('req-8-old')).toEqual([]);
    expect(await receipts('req-8-new')).toHaveLength(1);
    // Once forgotten, the same id runs the command again.
    await asRequest('req-8-old', () => register('Embassy of Mali'));
    expect(await missions('Embassy of Mali')).toBe(3);
  });
});
