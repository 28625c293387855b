import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, isDomainError, PUBLIC_KEY, ROLES_KEY, unauthenticated, type Actor, type Role } from '@ofm/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerToken, decideAccess, isApiPath } from './access.rules';
import { TOKEN_VERIFIER, type TokenVerifier } from './token-verifier';

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

// Global guard: every /api/v1 route needs a verified bearer token and one of the roles the route
// declares with @Roles. A route under /api/v1 that declares none is refused (fail closed); routes
// outside it (health, metrics, docs) are public.
@Injectable()
export class HttpAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const routeRoles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!routeRoles || routeRoles.length === 0) {
      if (!isApiPath(request.url)) return true;
      throw forbidden('This route declares no roles');
    }
    const actor = await this.authenticate(request).catch((error: unknown) => {
      // RFC 6750: a 401 tells the client how to authenticate.
      if (isDomainError(error) && error.kind === 'unauthenticated') {
        context.switchToHttp().getResponse<FastifyReply>().header('www-authenticate', 'Bearer realm="ofm"');
      }
      throw error;
    });
    const decision = decideAccess(actor, routeRoles);
    if (!decision.allowed) throw forbidden(decision.detail);
    request.actor = actor;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Actor> {
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated('A bearer token is required (Authorization: Bearer <JWT>)');
    return this.verifier.verify(token);
  }
}
