import { Metadata } from '@grpc/grpc-js';
import { Controller, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { DomainError } from '../errors/domain.error';
import type { Actor } from './actor';
import { actorToMetadata } from './actor-metadata';
import { Public, PUBLIC_KEY } from './public.decorator';
import { Roles, ROLES_KEY } from './roles.decorator';
import { RpcRolesGuard } from './rpc-roles.guard';

@Roles('ofm-admin')
@Controller()
class MemberController {
  @Roles('ofm-officer', 'ofm-admin')
  accredit(): void {}

  list(): void {}

  @Public()
  check(): void {}
}

const rpcContext = (handler: keyof MemberController, metadata: Metadata, type = 'rpc'): ExecutionContextHost => {
  const context = new ExecutionContextHost([{}, metadata, {}], MemberController, MemberController.prototype[handler]);
  context.setType(type);
  return context;
};

const guard = new RpcRolesGuard(new Reflector());
const officer: Actor = { subject: 'o', roles: ['ofm-officer'] };
const decide = (handler: keyof MemberController, metadata: Metadata): unknown => {
  try {
    return guard.canActivate(rpcContext(handler, metadata));
  } catch (error) {
    return error instanceof DomainError ? error.kind : error;
  }
};

describe('@Roles', () => {
  it('stores the roles under ROLES_KEY, readable by any guard', () => {
    expect(new Reflector().get(ROLES_KEY, MemberController.prototype.accredit)).toEqual(['ofm-officer', 'ofm-admin']);
    expect(new Reflector().get(ROLES_KEY, MemberController)).toEqual(['ofm-admin']);
    expect(new Reflector().get(PUBLIC_KEY, MemberController.prototype.check)).toBe(true);
  });
});

describe('RpcRolesGuard', () => {
  it('lets a caller with one of the handler roles through', () => {
    expect(decide('accredit', actorToMetadata(officer))).toBe(true);
  });

  it('refuses a caller without an actor as unauthenticated', () => {
    expect(decide('accredit', new Metadata())).toBe('unauthenticated');
  });

  it('refuses a caller without a matching role as forbidden', () => {
    expect(decide('accredit', actorToMetadata({ subject: 'l', roles: ['law-enforcement'] }))).toBe('forbidden');
  });

  it('falls back to the class roles when the handler has none', () => {
    expect(decide('list', actorToMetadata(officer))).toBe('forbidden');
    expect(decide('list', actorToMetadata({ subject: 'a', roles: ['ofm-admin'] }))).toBe(true);
  });

  it('lets anyone reach a @Public handler', () => {
    expect(decide('check', new Metadata())).toBe(true);
  });

  it('leaves HTTP contexts to the gateway guard', () => {
    expect(guard.canActivate(rpcContext('accredit', new Metadata(), 'http'))).toBe(true);
  });

  it('needs only an actor when no roles are declared anywhere', () => {
    class Open {
      read(): void {}
    }
    SetMetadata('other', true)(Open);
    const context = new ExecutionContextHost(
      [{}, actorToMetadata({ subject: 'u', roles: ['auditor'] }), {}],
      Open,
      Open.prototype.read,
    );
    context.setType('rpc');
    expect(guard.canActivate(context)).toBe(true);
  });
});
