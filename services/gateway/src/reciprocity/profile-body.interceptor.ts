import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';

// What a profile carries that only the service sets: GET answers them (agreementId null where no
// agreement brought the version), and a PUT takes the profile as GET answers it, so they are dropped
// before the body is checked against the proto's rules rather than refused.
const READ_ONLY = ['version', 'agreementId', 'recordedBy', 'recordedAt'] as const;

const withoutReadOnly = (profile: unknown): unknown => {
  if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return profile;
  const kept = { ...(profile as Record<string, unknown>) };
  for (const field of READ_ONLY) delete kept[field];
  return kept;
};

/**
 * For the routes that write a profile: If-Match is required (428 without it, before anything else
 * is checked: a profile replaced whole without it would undo a change the caller never saw), and
 * the profile's read-only fields are dropped. `field` names where the profile is in the body (the
 * whole body when absent). Interceptors run before the handler's parameters are bound.
 */
export const profileWrite = (what: string, field?: string): NestInterceptor => new ProfileWriteInterceptor(what, field);

@Injectable()
class ProfileWriteInterceptor implements NestInterceptor {
  constructor(
    private readonly what: string,
    private readonly field: string | undefined,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const ifMatch = request.headers['if-match'];
    if (ifMatch === undefined || String(ifMatch).trim() === '') {
      throw new HttpException(`If-Match is required: send the ETag of the ${this.what} you read, e.g. "1"`, 428);
    }
    const body = request.body as Record<string, unknown> | undefined;
    if (!this.field) request.body = withoutReadOnly(body);
    else if (body && typeof body === 'object' && this.field in body) {
      request.body = { ...body, [this.field]: withoutReadOnly(body[this.field]) };
    }
    return next.handle();
  }
}
