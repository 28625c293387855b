import { Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import {
  conflict,
  ProblemDetailsError,
  problemFromStatus,
  ruleViolated,
  runInRequestContext,
  validationFailed,
} from '@ofm/platform';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { isApiPath } from '../auth/access.rules';
import type { AuthenticatedRequest } from '../auth/http-auth.guard';
import { IdempotencyStore, type IdempotencyClaim } from './idempotency.store';
import { commandRequestId, isValidIdempotencyKey, requestHash } from './request-hash';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const REPLAYED_HEADER = 'idempotent-replayed';
// The headers of an answer that a replay must repeat.
const REPLAYED_HEADERS = ['location', 'etag'];

// POST with Idempotency-Key: the first request runs and its answer is stored; the same key with the
// same request replays that answer; with another request it is refused (422 idempotency-key-reuse);
// while the first is still running a duplicate gets 409. Runs after the auth guard (keys are per
// subject) and before validation, so an invalid request never occupies a key.
// The handler runs in a request context holding the request id derived from the key (commandRequestId),
// which the gRPC client sends to the services (outgoingMetadata): a service records the command's
// receipt in the command's own transaction, so a retry after a lost answer (504, a gateway that died
// before storing it) gets the first answer instead of a second effect.
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(private readonly store: IdempotencyStore) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    const header = request.headers[IDEMPOTENCY_HEADER];
    if (request.method !== 'POST' || header === undefined || !isApiPath(request.url) || !request.actor)
      return next.handle();
    const key = Array.isArray(header) ? header.join(',') : header;
    if (!isValidIdempotencyKey(key)) {
      throw validationFailed([
        { field: 'Idempotency-Key', message: 'Idempotency-Key must be 1 to 255 printable ASCII characters' },
      ]);
    }
    const ifMatch = request.headers['if-match'];
    const claim: IdempotencyClaim = {
      subject: request.actor.subject,
      key,
      method: request.method,
      path: request.url,
      requestHash: requestHash({
        method: request.method,
        path: request.url,
        body: request.body,
        ifMatch: Array.isArray(ifMatch) ? ifMatch.join(',') : ifMatch,
      }),
    };

    const outcome = await this.store.begin(claim).catch((error: unknown) => {
      this.logger.error(error instanceof Error ? error : new Error(String(error)), 'idempotency store unavailable');
      throw new ProblemDetailsError(
        problemFromStatus(503, 'Idempotency keys cannot be checked right now; retry later'),
      );
    });
    switch (outcome.kind) {
      case 'reuse':
        throw ruleViolated('idempotency-key-reuse', 'This Idempotency-Key was already used for a different request', [
          { field: 'Idempotency-Key', message: 'Idempotency-Key was already used with another method, path or body' },
        ]);
      case 'in-flight':
        throw conflict('A request with this Idempotency-Key is still being processed; retry later');
      case 'replay': {
        reply.status(outcome.answer.status);
        for (const [name, value] of Object.entries(outcome.answer.headers)) reply.header(name, value);
        reply.header(REPLAYED_HEADER, 'true');
        return of(outcome.answer.body);
      }
      case 'proceed': {
        const requestId = commandRequestId(claim);
        const handled = new Observable<unknown>((subscriber) =>
          runInRequestContext({ requestId }, () => next.handle().subscribe(subscriber)),
        );
        return handled.pipe(
          mergeMap(async (body: unknown) => {
            const headers: Record<string, string> = {};
            for (const name of REPLAYED_HEADERS) {
              const value = reply.getHeader(name);
              if (value !== undefined) headers[name] = String(value);
            }
            // The change is made: failing to remember the answer must not turn it into an error.
            await this.store.complete(claim, { status: reply.statusCode, headers, body }).catch((error: unknown) => {
              this.logger.error(
                error instanceof Error ? error : new Error(String(error)),
                'could not store an idempotent answer',
              );
            });
            return body;
          }),
          catchError((error: unknown) =>
            from(
              this.store.release(claim).catch((releaseError: unknown) => {
                this.logger.error(
                  releaseError instanceof Error ? releaseError : new Error(String(releaseError)),
                  'could not release an idempotency key',
                );
              }),
            ).pipe(mergeMap(() => throwError(() => error))),
          ),
        );
      }
    }
  }
}
