import { SetMetadata } from '@nestjs/common';

// Marks a handler every caller may reach without an identity (health probes), so that a guard
// registered globally lets it through.
export const PUBLIC_KEY = 'ofm:public';

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
