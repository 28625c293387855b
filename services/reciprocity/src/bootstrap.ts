import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES } from '@ofm/contracts';
import { bootstrapService } from '@ofm/platform';
import { AppModule } from './app.module';
import { loadReciprocityConfig } from './config';

// The proto package of proto/ofm/reciprocity/v1/reciprocity.proto (ts-proto emits no constant for it).
export const RECIPROCITY_GRPC_PACKAGE = 'ofm.reciprocity.v1';

// The configuration is loaded inside the options callback, so a bad variable is logged as one line
// naming it and the process exits 1. Tests pass their own env and keep the process alive on error.
export const bootstrap = (
  env: Record<string, string | undefined> = process.env,
  { exitOnError = true }: { exitOnError?: boolean } = {},
): Promise<NestFastifyApplication> =>
  bootstrapService(() => {
    const config = loadReciprocityConfig(env);
    return {
      name: 'reciprocity',
      module: AppModule.forRoot(config),
      httpPort: config.HTTP_PORT,
      grpcPort: config.GRPC_PORT,
      grpc: { packages: [RECIPROCITY_GRPC_PACKAGE], protoFiles: [PROTO_FILES.reciprocity] },
      config,
      exitOnError,
    };
  });
