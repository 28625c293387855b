import {
  counter,
  currentRequestContext,
  domainErrorFromProblem,
  problemFromDomainError,
  ProblemDetailsError,
  type DomainError,
  type ProblemDetails,
  type RequestContext,
} from '@ofm/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../transaction.helper';

// A refusal that is itself the command's effect (e.g. accreditation refused: stored, audited,
// published): the transaction commits, then the command answers with the error. Return it from
// inCommand's work with refuseAfterCommit; a retry gets the same refusal.
export class CommittedRefusal {
  constructor(readonly error: DomainError) {}
}

export const refuseAfterCommit = (error: DomainError): CommittedRefusal => new CommittedRefusal(error);

// What the receipt holds: the answer the command gave, replayed as is.
export type StoredCommandAnswer = { kind: 'value'; value?: unknown } | { kind: 'refusal'; problem: ProblemDetails };

export type CommandAnswer<R> = Exclude<R, CommittedRefusal>;

const CLAIM = `INSERT INTO command_receipt (request_id, method) VALUES ($1, $2)
  ON CONFLICT (request_id, method) DO NOTHING RETURNING request_id`;
const READ = `SELECT answer FROM command_receipt WHERE request_id = $1 AND method = $2`;
const RECORD = `UPDATE command_receipt SET answer = $3::jsonb WHERE request_id = $1 AND method = $2`;

// Request contexts whose command already committed its receipt: a second inCommand in the same
// request would find the first's receipt and answer it, which is never what the code meant.
const receiptTaken = new WeakSet<RequestContext>();

const receipts = () =>
  counter('ofm_command_receipts_total', 'Commands run under a request id: recorded (ran) or replayed', [
    'outcome',
  ] as const);

/**
 * A command's unit of work: inTransaction, plus "at most once per request id". When the current
 * request context (RequestContextInterceptor of @ofm/platform, from the gRPC metadata) holds a
 * request id, the transaction first claims the row (request id, gRPC method) of `command_receipt`:
 * - it already exists (committed): nothing runs, the stored answer (or refusal) is given again;
 * - a concurrent duplicate holds it: the INSERT waits for that transaction; once it commits this one
 *   replays its answer, if it rolls back this one runs;
 * - otherwise `work` runs and its answer is stored in the same transaction as its effect, so either
 *   both the effect and the receipt commit or neither does.
 * Without a request id it is inTransaction (and still commits a refusal before answering it).
 * Use it for the one transaction that makes a command's effect; reads and audit-only transactions
 * (verifications) stay in inTransaction and record nothing. Answers must survive JSON (proto objects do).
 */
export const inCommand = async <R>(
  ds: DataSource,
  work: (em: EntityManager) => Promise<R>,
): Promise<CommandAnswer<R>> => {
  const context = currentRequestContext();
  const requestId = context?.requestId;
  if (!context || !requestId) return answerOf(await inTransaction(ds, work));
  const method = context.method ?? '';
  if (receiptTaken.has(context)) {
    throw new Error(
      `inCommand ran twice for request ${requestId} (${method}): only the transaction that makes the command's effect records its receipt`,
    );
  }
  receiptTaken.add(context);
  let outcome: { replayed: StoredCommandAnswer } | { result: R };
  try {
    outcome = await inTransaction(ds, async (em) => {
      const claimed = (await em.query(CLAIM, [requestId, method])) as unknown[];
      if (claimed.length === 0) return { replayed: await storedAnswer(em, requestId, method) };
      const result = await work(em);
      await em.query(RECORD, [requestId, method, JSON.stringify(toStored(result))]);
      return { result };
    });
  } catch (error) {
    // Rolled back: no receipt, so the request may try again.
    receiptTaken.delete(context);
    throw error;
  }
  if ('replayed' in outcome) {
    receipts().inc({ outcome: 'replayed' });
    return replay(outcome.replayed) as CommandAnswer<R>;
  }
  receipts().inc({ outcome: 'recorded' });
  return answerOf(outcome.result);
};

const storedAnswer = async (em: EntityManager, requestId: string, method: string): Promise<StoredCommandAnswer> => {
  const [row] = (await em.query(READ, [requestId, method])) as { answer: StoredCommandAnswer | null }[];
  // Committed receipts always hold their answer; anything else is a bug, not a reason to run again.
  if (!row?.answer) throw new Error(`command receipt ${requestId} (${method}) has no answer`);
  return row.answer;
};

const toStored = (result: unknown): StoredCommandAnswer =>
  result instanceof CommittedRefusal
    ? { kind: 'refusal', problem: problemFromDomainError(result.error) }
    : { kind: 'value', value: result };

const replay = (stored: StoredCommandAnswer): unknown => {
  if (stored.kind === 'refusal')
    throw domainErrorFromProblem(stored.problem) ?? new ProblemDetailsError(stored.problem);
  return stored.value;
};

const answerOf = <R>(result: R): CommandAnswer<R> => {
  if (result instanceof CommittedRefusal) throw result.error;
  return result as CommandAnswer<R>;
};
