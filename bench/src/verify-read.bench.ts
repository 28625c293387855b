import { readRows } from './gateway-read.bench';
import { busyLine, costLine, duration, ratio, startReadPlatform } from './read-platform';

// GET /api/v1/verify?idCard= (the trooper's roadside check: holder, mission, guidance, and an audit
// row per check) at 10 connections, beside the same lookup and audit insert by the bare server.
const connections = 10;

export async function benchVerifyRead() {
  const read = await startReadPlatform('bench_verify');
  try {
    const idCard = encodeURIComponent(read.idCard);
    const gateway = await read.measure(`${read.platform.baseUrl}/api/v1/verify?idCard=${idCard}`, connections, {
      authorization: `Bearer ${read.trooper}`,
    });
    const baseline = await read.measure(`${read.baselineUrl}/verify?idCard=${idCard}`, connections);
    return { connections, seconds: duration, gateway, baseline, ratio: ratio(gateway, baseline) };
  } finally {
    await read.stop();
  }
}

export function reportVerifyRead(r: Awaited<ReturnType<typeof benchVerifyRead>>): string {
  return [
    `GET /api/v1/verify?idCard=, ${r.connections} connections, ${r.seconds} s (wrk), ratio ${r.ratio}:`,
    readRows('gateway → gRPC → accreditation → PostgreSQL (+ audit row)', r.gateway, r.baseline),
    `CPU ms per request, platform: ${costLine(r.gateway)}; baseline: ${costLine(r.baseline)}`,
    `CPU s, platform run: ${busyLine(r.gateway.busyCpuSeconds)}`,
    `CPU s, baseline run: ${busyLine(r.baseline.busyCpuSeconds)}`,
  ].join('\n');
}
