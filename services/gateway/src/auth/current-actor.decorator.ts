import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { unauthenticated, type Actor } from '@ofm/platform';
import type { AuthenticatedRequest } from './http-auth.guard';

// The caller that HttpAuthGuard verified.
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw unauthenticated();
  return actor;
});
