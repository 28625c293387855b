import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { Public } from '../auth/public.decorator';
import { HealthRegistry } from './health.registry';

export type ServingStatus = 'UNKNOWN' | 'SERVING' | 'NOT_SERVING' | 'SERVICE_UNKNOWN';

export const GRPC_HEALTH_PACKAGE = 'grpc.health.v1';

// grpc.health.v1.Health/Check, for gRPC-native probes and clients: SERVING only when ready.
@Public()
@Controller()
export class HealthGrpcController {
  constructor(private readonly registry: HealthRegistry) {}

  @GrpcMethod('Health', 'Check')
  async check(): Promise<{ status: ServingStatus }> {
    return { status: (await this.registry.isReady()) ? 'SERVING' : 'NOT_SERVING' };
  }
}
