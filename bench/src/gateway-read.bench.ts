import { busyLine, costLine, duration, ratio, startReadPlatform, type Measured } from './read-platform';
import { table } from './stats';

// GET /api/v1/members/{id} through the gateway (JWT, roles, gRPC to accreditation, mapping) at 50
// connections, beside the same row from a bare Fastify + pg server in the same run, both with wrk.
const connections = 50;

export async function benchGatewayRead() {
  const read = await startReadPlatform('bench_read');
  try {
    const gateway = await read.measure(`${read.platform.baseUrl}/api/v1/members/${read.memberId}`, connections, {
      authorization: `Bearer ${read.officer}`,
    });
    const baseline = await read.measure(`${read.baselineUrl}/members/${read.memberId}`, connections);
    return { connections, seconds: duration, gateway, baseline, ratio: ratio(gateway, baseline) };
  } finally {
    await read.stop();
  }
}

export const readRows = (platform: string, gateway: Measured, baseline: Measured) =>
  table([
    { stack: platform, 'req/s': gateway.rps, 'p50 ms': gateway.p50, 'p99 ms': gateway.p99 },
    { stack: 'bare Fastify + pg (baseline)', 'req/s': baseline.rps, 'p50 ms': baseline.p50, 'p99 ms': baseline.p99 },
  ]);

export function reportGatewayRead(r: Awaited<ReturnType<typeof benchGatewayRead>>): string {
  return [
    `GET /api/v1/members/{id}, ${r.connections} connections, ${r.seconds} s (wrk), ratio ${r.ratio}:`,
    readRows('gateway → gRPC → accreditation → PostgreSQL', r.gateway, r.baseline),
    `CPU ms per request, platform: ${costLine(r.gateway)}; baseline: ${costLine(r.baseline)}`,
    `CPU s, platform run: ${busyLine(r.gateway.busyCpuSeconds)}`,
    `CPU s, baseline run: ${busyLine(r.baseline.busyCpuSeconds)}`,
  ].join('\n');
}
