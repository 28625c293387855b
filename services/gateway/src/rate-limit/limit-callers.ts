import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { ProblemDetailsError, problemFromStatus } from '@ofm/platform';
import { isApiPath } from '../auth/access.rules';
import { TOKEN_VERIFIER, type TokenVerifier } from '../auth/token-verifier';
import { rateLimitSettingsFrom, type RateLimitSettings } from '../load.config';
import { CALLER_PREFIX, callerKey } from './caller-key';

// Per-caller rate limits on the API (@fastify/rate-limit, fixed windows in memory, per gateway
// replica): past its budget a caller gets 429 problem+json with Retry-After and the IETF RateLimit
// headers, at onRequest, so nothing of the request runs. Health, metrics and docs are not limited.
export const limitCallers = (
  app: NestFastifyApplication,
  settings: RateLimitSettings = rateLimitSettingsFrom(),
): void => {
  if (settings.perCaller === 0 && settings.perAddress === 0) return;
  const verifier = app.get<TokenVerifier>(TOKEN_VERIFIER);
  const budgetOf = (key: string): number => (key.startsWith(CALLER_PREFIX) ? settings.perCaller : settings.perAddress);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  // The IETF draft's RateLimit-* headers (a plugin-wide setting).
  void fastify.register(rateLimit, { global: false, enableDraftSpec: true });
  // A hook of the root instance applies to every route, however late Nest adds them (the plugin's
  // own `global` mode only sees routes added after it has loaded).
  fastify.after(() => {
    fastify.addHook(
      'onRequest',
      fastify.rateLimit({
        timeWindow: settings.windowSeconds * 1000,
        max: (_request, key) => budgetOf(key) || Number.MAX_SAFE_INTEGER,
        keyGenerator: callerKey(verifier),
        allowList: (request) => !isApiPath(request.url),
        errorResponseBuilder: (_request, context) =>
          new ProblemDetailsError(
            problemFromStatus(
              429,
              `Too many requests from this caller: at most ${context.max} per ${settings.windowSeconds} s; nothing was done, retry in ${context.after}`,
            ),
          ),
      }),
    );
  });
};
