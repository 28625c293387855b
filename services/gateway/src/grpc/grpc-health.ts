import type { Actor } from '@ofm/platform';
import { createGrpcClient } from './grpc-client';

interface HealthClient {
  check(request: { service: string }, actor?: Actor): Promise<{ status: string }>;
}

// A readiness check for HealthRegistry: the downstream service's own grpc.health.v1 answer, which
// its platform kernel gives as SERVING only when its database and Kafka are ready.
export const grpcHealthCheck = (
  name: string,
  url: string,
  deadlineMs: number,
): { check: () => Promise<void>; close: () => void } => {
  const { client, raw } = createGrpcClient<unknown>({
    url,
    protoFile: 'grpc/health/v1/health.proto',
    service: 'grpc.health.v1.Health',
    deadlineMs,
  });
  const health = client as unknown as HealthClient;
  return {
    check: async () => {
      const answer = await health.check({ service: '' });
      if (answer.status !== 'SERVING') throw new Error(`${name} answers ${answer.status}`);
    },
    close: () => raw.close(),
  };
};
