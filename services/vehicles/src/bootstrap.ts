import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROTO_FILES } from '@ofm/contracts';
import { bootstrapService, type BootstrapOptions } from '@ofm/platform';
import { AppModule } from './app.module';
import { loadVehiclesConfig, type VehiclesConfig } from './config';

// The proto package of proto/ofm/vehicles/v1/vehicle.proto (ts-proto emits no constant for it).
export const VEHICLES_GRPC_PACKAGE = 'ofm.vehicles.v1';

const serviceOptions = (config: VehiclesConfig): BootstrapOptions => ({
  name: 'vehicles',
  module: AppModule.forRoot(config),
  httpPort: config.HTTP_PORT,
  grpcPort: config.GRPC_PORT,
  grpc: {
    packages: [VEHICLES_GRPC_PACKAGE],
    protoFiles: [PROTO_FILES.vehicle, PROTO_FILES.insuranceFeed, PROTO_FILES.licence],
  },
  config,
});

/** Starts the service with a configuration given whole; integration tests call it in-process. */
export const startVehicles = (
  config: VehiclesConfig,
  options: { exitOnError?: boolean } = {},
): Promise<NestFastifyApplication> =>
  bootstrapService({ ...serviceOptions(config), exitOnError: options.exitOnError ?? true });

// Configuration is loaded inside bootstrapService, so a bad variable is one log line and exit 1.
export const bootstrap = (): Promise<NestFastifyApplication> =>
  bootstrapService(() => serviceOptions(loadVehiclesConfig()));
