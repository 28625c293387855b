import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES } from '@ofm/contracts';
import { bootstrapService } from '@ofm/platform';
import { AppModule } from './app.module';
import { loadInsightsConfig } from './config';

// The configuration is loaded inside the options callback, so a bad variable is logged as one line
// naming it and the process exits 1. Tests pass their own env and keep the process alive on error.
// gRPC serves the flag register (proto/ofm/insights/v1/flags.proto) beside grpc.health.v1.
export const INSIGHTS_GRPC_PACKAGE = 'ofm.insights.v1';

export const bootstrap = (
  env: Record<string, string | undefined> = process.env,
  { exitOnError = true }: { exitOnError?: boolean } = {},
): Promise<NestFastifyApplication> =>
  bootstrapService(() => {
    const config = loadInsightsConfig(env);
    return {
      name: 'insights',
      module: AppModule.forRoot(config),
      httpPort: config.HTTP_PORT,
      grpcPort: config.GRPC_PORT,
      grpc: { packages: [INSIGHTS_GRPC_PACKAGE], protoFiles: [PROTO_FILES.flags] },
      config,
      exitOnError,
    };
  });
