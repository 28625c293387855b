import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { RpcRolesGuard } from './auth/rpc-roles.guard';
import { HealthGrpcController } from './health/health.grpc-controller';
import { HealthHttpController } from './health/health.http-controller';
import { HealthRegistry } from './health/health.registry';
import { MetricsHttpController } from './health/metrics.http-controller';
import { createNestLogger, PinoNestLogger } from './logging/pino-nest.logger';
import { GrpcMetricsInterceptor } from './metrics/grpc-metrics.interceptor';
import { ensureDefaultMetrics } from './metrics/prometheus';

export interface PlatformModuleOptions {
  serviceName: string;
  // Share the logger bootstrapService created instead of making a second one.
  logger?: PinoNestLogger;
}

export const PLATFORM_OPTIONS = Symbol('PLATFORM_OPTIONS');

// Imported once by a service's AppModule: health (HTTP and gRPC), /metrics, the logger and the
// health registry its data source and Kafka client register with. Terminus' own logging is off:
// HealthRegistry logs readiness changes instead of every failed probe.
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    ensureDefaultMetrics();
    return {
      module: PlatformModule,
      global: true,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json', logger: false })],
      controllers: [HealthHttpController, MetricsHttpController, HealthGrpcController],
      providers: [
        { provide: PLATFORM_OPTIONS, useValue: options },
        HealthRegistry,
        { provide: PinoNestLogger, useFactory: () => options.logger ?? createNestLogger(options.serviceName) },
        GrpcMetricsInterceptor,
        RpcRolesGuard,
      ],
      exports: [PLATFORM_OPTIONS, HealthRegistry, PinoNestLogger, GrpcMetricsInterceptor, RpcRolesGuard],
    };
  }
}
