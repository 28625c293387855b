import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Metadata } from '@grpc/grpc-js';
import { forbidden, unauthenticated } from '../errors/domain.error';
import { hasAnyRole, type Role } from './actor';
import { actorFromMetadata } from './actor-metadata';
import { PUBLIC_KEY } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

// For gRPC controllers: services re-check what the gateway checked, so a caller that reaches a
// service directly gets no more than through the gateway. Errors are DomainErrors, which
// GrpcErrorFilter turns into UNAUTHENTICATED / PERMISSION_DENIED.
@Injectable()
export class RpcRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'rpc') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const actor = actorFromMetadata(context.switchToRpc().getContext<Metadata>());
    return decideRoles(actor, allowed);
  }
}

// The guard's decision as a plain function: no actor → unauthenticated; @Roles given and none held →
// forbidden; no @Roles → any authenticated caller.
export const decideRoles = (
  actor: ReturnType<typeof actorFromMetadata>,
  allowed: readonly Role[] | undefined,
): true => {
  if (!actor) throw unauthenticated('No caller identity in the request metadata');
  if (allowed && allowed.length > 0 && !hasAnyRole(actor, allowed)) {
    throw forbidden(`This operation needs one of the roles: ${allowed.join(', ')}`);
  }
  return true;
};
