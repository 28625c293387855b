import { SetMetadata } from '@nestjs/common';
import type { Role } from './actor';

// Metadata key under which @Roles stores the allowed roles; the gateway's HTTP guard reads the same key.
export const ROLES_KEY = 'ofm:roles';

export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
