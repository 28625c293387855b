import pino from 'pino';
import { redactDatabaseDetail, redactQuotedValues } from './database-text';
import { REDACTED, redactedKeys } from './personal-data';

// Every log line passes here (pino's formatters.log and the `err` serializer), so that no line
// carries a personal field, a secret or a failed query's values, wherever our code, Nest, TypeORM
// or kafkajs put them. One walk of the logged object costs a few µs; pino's `redact` with
// wildcard paths cost 76 µs a line at one level of nesting and 285 µs at two (39 keys, pino 10).

const REDACTED_KEYS = new Set(redactedKeys());

// Deeper than anything our code logs; a deeper part is replaced rather than shown unchecked.
const MAX_DEPTH = 8;
const TOO_DEEP = '[too deep to log]';

// An error's own keys dropped whole. A database error echoes the row it refused: TypeORM's
// QueryFailedError carries the query's `parameters`, PostgreSQL's `where` and `internalQuery` repeat
// statements with their values. `type` already names the class (pg's DatabaseError sets `name`).
const DROPPED_ERROR_KEYS = new Set(['where', 'internalQuery', 'name']);

const isErrorLike = (value: unknown): value is Error =>
  typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';

// pino's `formatters.log`: the logged object with personal fields masked, at any depth. The `err`
// and `error` keys are left to serializeError, which pino applies next; objects are copied only
// where something changes, and never modified.
export const redactLogObject = (object: Record<string, unknown>): Record<string, unknown> => {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const value = object[key];
    const redacted = (key === 'err' || key === 'error') && isErrorLike(value) ? value : redactField(key, value, 1);
    if (redacted !== value) (copy ??= { ...object })[key] = redacted;
  }
  return copy ?? object;
};

// Any value: personal fields masked, errors serialized and cleaned (an error nested in a logged
// object would otherwise be written with all its enumerable fields, `parameters` included).
export const redactPersonalData = (value: unknown, depth = 0): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  if (isErrorLike(value)) return cleanError(value, depth);
  // Dates, Buffers, URLs…: written through their own toJSON, never holding a personal field.
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    value.forEach((item, index) => {
      const redacted = redactPersonalData(item, depth + 1);
      if (redacted !== item) (copy ??= [...value])[index] = redacted;
    });
    return copy ?? value;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(record)) {
    const field = record[key];
    const redacted = redactField(key, field, depth + 1);
    if (redacted !== field) (copy ??= { ...record })[key] = redacted;
  }
  return copy ?? record;
};

const redactField = (key: string, value: unknown, depth: number): unknown =>
  REDACTED_KEYS.has(key)
    ? value === undefined || value === null
      ? value
      : REDACTED
    : redactPersonalData(value, depth);

// pino's `err` (and `error`) serializer. Strings are cleaned too: some code logs an error's message.
export const serializeError = (value: unknown): unknown => {
  if (typeof value === 'string') return redactQuotedValues(value);
  return isErrorLike(value) ? cleanError(value, 0) : value;
};

// pino's standard serialization (a fresh object: type, message and stack with the causes', the own
// enumerable fields, nested errors), then what an error may keep: what failed (type, SQLSTATE code,
// constraint, table, column, the SQL text with its $n placeholders, the stack), not the values.
const cleanError = (error: Error, depth: number): Record<string, unknown> => {
  const out = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  const raw = error as unknown as Record<string, unknown>;
  for (const key of DROPPED_ERROR_KEYS) delete out[key];
  if (typeof out.message === 'string') out.message = redactQuotedValues(out.message);
  if (typeof out.stack === 'string') out.stack = redactQuotedValues(out.stack);
  if (Array.isArray(out.aggregateErrors)) {
    out.aggregateErrors = (error as AggregateError).errors.map((nested) => redactPersonalData(nested, depth + 1));
  }
  for (const key of Object.keys(out)) {
    if (key === 'type' || key === 'message' || key === 'stack' || key === 'aggregateErrors') continue;
    if (key === 'detail' && typeof out.detail === 'string') out.detail = redactDatabaseDetail(out.detail);
    // Nested errors (QueryFailedError.driverError, kafkajs' originalError) from the original, so
    // that they are cleaned like this one.
    else out[key] = redactField(key, isErrorLike(raw[key]) ? raw[key] : out[key], depth + 1);
  }
  return out;
};
