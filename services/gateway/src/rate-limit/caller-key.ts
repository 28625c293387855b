import { normalizeIP } from '@fastify/rate-limit';
import { bearerToken } from '../auth/access.rules';
import type { TokenVerifier } from '../auth/token-verifier';

export const CALLER_PREFIX = 'caller:';
export const ADDRESS_PREFIX = 'address:';

// Whose budget a request spends: the subject of its token once the signature is verified (an
// unverified `sub` would let anyone spend someone else's budget), otherwise its client address.
export const callerKey =
  (verifier: TokenVerifier) =>
  async (request: { headers: { authorization?: string }; ip: string }): Promise<string> => {
    const token = bearerToken(request.headers.authorization);
    if (token) {
      const actor = await verifier.verify(token).catch(() => undefined);
      if (actor) return `${CALLER_PREFIX}${actor.subject}`;
    }
    return `${ADDRESS_PREFIX}${normalizeIP(request.ip)}`;
  };
