import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { redactDatabaseDetail, redactQuotedValues } from './database-text';
import { redactLogObject, redactPersonalData, serializeError } from './redaction';

// The errors a failed member insert really raises: pg's DatabaseError with the fields PostgreSQL
// sends, wrapped by TypeORM with the query and its parameters.
const pgError = (message: string, fields: Partial<DatabaseError>): DatabaseError =>
  Object.assign(new DatabaseError(message, 200, 'error'), { severity: 'ERROR', ...fields });

const INSERT = 'INSERT INTO "member"("id", "given_name", "family_name", "date_of_birth") VALUES ($1, $2, $3, $4)';
const PARAMETERS = ['6f1c…', 'Claire', 'Moreau', '1984-03-12'];

const uniqueViolation = (): QueryFailedError =>
  new QueryFailedError(
    INSERT,
    PARAMETERS,
    pgError('duplicate key value violates unique constraint "member_name_key"', {
      code: '23505',
      detail: 'Key (given_name, family_name, date_of_birth)=(Claire, Moreau, 1984-03-12) already exists.',
      table: 'member',
      constraint: 'member_name_key',
      where: 'SQL statement "INSERT INTO member VALUES (\'Claire\')"',
      internalQuery: "SELECT 'Moreau'",
    }),
  );

const PERSONAL = /Claire|Moreau|1984-03-12/;

describe('serializeError', () => {
  it("drops a failed query's parameters and the values PostgreSQL echoes, keeping what failed", () => {
    const line = serializeError(uniqueViolation()) as Record<string, any>;
    expect(JSON.stringify(line)).not.toMatch(PERSONAL);
    expect(line).toMatchObject({
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "member_name_key"',
      code: '23505',
      constraint: 'member_name_key',
      table: 'member',
      query: INSERT,
      detail: 'Key (given_name, family_name, date_of_birth)=(***) already exists.',
      parameters: '***',
      driverError: { type: 'DatabaseError', code: '23505', detail: expect.stringContaining('=(***)') },
    });
    expect(line).not.toHaveProperty('where');
    expect(line).not.toHaveProperty('internalQuery');
    expect(line.stack).toContain('QueryFailedError: duplicate key value');
  });

  it('leaves the error itself as it was', () => {
    const error = uniqueViolation();
    serializeError(error);
    expect(error.parameters).toEqual(PARAMETERS);
    expect((error.driverError as DatabaseError).detail).toContain('Claire');
  });

  it('removes a value quoted in the message and the stack', () => {
    const error = pgError('invalid input syntax for type date: "1984-03-12 Claire"', { code: '22007' });
    const line = serializeError(error) as Record<string, any>;
    expect(line.message).toBe('invalid input syntax for type date: "***"');
    expect(line.stack).toMatch(/^error: invalid input syntax for type date: "\*\*\*"\n/);
    expect(JSON.stringify(line)).not.toMatch(PERSONAL);
  });

  it('cleans errors nested as causes and in an AggregateError', () => {
    const cause = pgError('new row for relation "member" violates check constraint "member_age"', {
      code: '23514',
      detail: 'Failing row contains (6f1c, Claire, Moreau, 1984-03-12).',
    });
    const wrapped = new Error('notify appointment failed', { cause });
    const aggregate = new AggregateError([uniqueViolation(), wrapped], 'two failures');
    const line = serializeError(aggregate) as Record<string, any>;
    expect(JSON.stringify(line)).not.toMatch(PERSONAL);
    expect(line.aggregateErrors).toHaveLength(2);
    expect(line.aggregateErrors[0]).toMatchObject({ code: '23505', constraint: 'member_name_key' });
    expect(line.aggregateErrors[1].stack).toContain('caused by: error: new row for relation "member"');
  });

  it('cleans a message logged alone and leaves other values as they are', () => {
    expect(serializeError('invalid input value for enum member_category: "Claire"')).toBe(
      'invalid input value for enum member_category: "***"',
    );
    expect(serializeError({ code: 1 })).toEqual({ code: 1 });
    expect(serializeError(undefined)).toBeUndefined();
  });

  it('survives an error that refers to itself', () => {
    const error = new Error('loop') as Error & { self?: unknown };
    error.self = error;
    expect(serializeError(error)).toMatchObject({ type: 'Error', message: 'loop' });
  });
});

describe('redactLogObject', () => {
  it('masks personal fields at any depth, in camelCase and snake_case, without changing the object', () => {
    const logged = {
      memberId: '6f1c',
      request: { givenName: 'Claire', familyName: 'Moreau', dateOfBirth: '1984-03-12', nationality: 'FR' },
      rows: [{ member: { given_name: 'Claire', date_of_birth: '1984-03-12', idCard: { number: 'D000000042' } } }],
      verification: { name: 'Claire Moreau', status: 'valid' },
      at: new Date('2026-01-02T03:04:05Z'),
      nothing: { givenName: undefined },
    };
    const before = JSON.stringify(logged);
    const line = redactLogObject(logged);
    expect(JSON.stringify(line)).not.toMatch(/Claire|Moreau|1984-03-12|D000000042/);
    expect(line).toEqual({
      memberId: '6f1c',
      request: { givenName: '***', familyName: '***', dateOfBirth: '***', nationality: 'FR' },
      rows: [{ member: { given_name: '***', date_of_birth: '***', idCard: '***' } }],
      verification: { name: '***', status: 'valid' },
      at: logged.at,
      nothing: { givenName: undefined },
    });
    expect(JSON.stringify(logged)).toBe(before);
  });

  it('returns the same object when there is nothing to mask', () => {
    const logged = { groupId: 'g', eventId: 'e', nested: { attempt: 1, list: [1, 2] } };
    expect(redactLogObject(logged)).toBe(logged);
  });

  it('leaves `err` to the serializer and cleans an error nested deeper', () => {
    const err = uniqueViolation();
    const line = redactLogObject({ err, failures: [{ err }] }) as Record<string, any>;
    expect(line.err).toBe(err);
    expect(line.failures[0].err).toMatchObject({ type: 'QueryFailedError', parameters: '***', code: '23505' });
    expect(JSON.stringify(line.failures)).not.toMatch(PERSONAL);
  });

  it('replaces what is nested deeper than anything we log, and survives a cycle', () => {
    const cyclic: Record<string, unknown> = { givenName: 'Claire' };
    cyclic.self = cyclic;
    const line = redactPersonalData({ cyclic }) as Record<string, any>;
    expect(JSON.stringify(line)).not.toContain('Claire');
    expect(JSON.stringify(line)).toContain('[too deep to log]');
  });
});

describe('redactDatabaseDetail', () => {
  it.each([
    ['Key (passport_number)=(X123) already exists.', 'Key (passport_number)=(***) already exists.'],
    [
      'Key (principal_id)=(6f1c) is not present in table "member".',
      'Key (principal_id)=(***) is not present in table "member".',
    ],
    [
      'Key (id)=(6f1c) is still referenced from table "member_open_item".',
      'Key (id)=(***) is still referenced from table "member_open_item".',
    ],
    ['Key (lower(given_name))=(claire (junior)) already exists.', 'Key (lower(given_name))=(***) already exists.'],
    [
      'Key (room, during)=(1, [2026-01-01,2026-01-02)) conflicts with existing key (room, during)=(1, [2026-01-01,2026-01-03)).',
      'Key (room, during)=(***) conflicts with existing key (room, during)=(***).',
    ],
    ['Failing row contains (6f1c, Claire, Moreau, 1984-03-12).', 'Failing row contains (***).'],
    ['Token "Claire" is invalid.', '***'],
    [
      'Process 12 waits for ShareLock on transaction 34; blocked by process 56.',
      'Process 12 waits for ShareLock on transaction 34; blocked by process 56.',
    ],
  ])('%s → %s', (detail, expected) => {
    expect(redactDatabaseDetail(detail)).toBe(expected);
  });
});

describe('redactQuotedValues', () => {
  it('keeps the quoted names of constraints, relations and columns', () => {
    const text = 'null value in column "given_name" of relation "member" violates not-null constraint';
    expect(redactQuotedValues(text)).toBe(text);
  });

  it('removes a value quoted after "value"', () => {
    expect(redactQuotedValues('value "19840312" is out of range for type integer')).toBe(
      'value "***" is out of range for type integer',
    );
  });
});
