import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES } from '@ofm/contracts';
import { bootstrapService } from '@ofm/platform';
import { AppModule } from './app.module';
import { loadAccreditationConfig } from './config';

export const ACCREDITATION_GRPC_PACKAGE = 'ofm.accreditation.v1';

// The configuration is loaded inside the options callback, so a bad variable is logged as one line
// naming it and the process exits 1. Tests pass their own env and keep the process alive on error.
export const bootstrap = (
  env: Record<string, string | undefined> = process.env,
  { exitOnError = true }: { exitOnError?: boolean } = {},
): Promise<NestFastifyApplication> =>
  bootstrapService(() => {
    const config = loadAccreditationConfig(env);
    return {
      name: 'accreditation',
      module: AppModule.forRoot(config),
      httpPort: config.HTTP_PORT,
      grpcPort: config.GRPC_PORT,
      grpc: {
        packages: [ACCREDITATION_GRPC_PACKAGE],
        protoFiles: [
          PROTO_FILES.mission,
          PROTO_FILES.member,
          PROTO_FILES.travel,
          PROTO_FILES.tenure,
          PROTO_FILES.checklist,
        ],
      },
      config,
      exitOnError,
    };
  });
