import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchGatewayRead, reportGatewayRead } from './gateway-read.bench';
import { benchOutboxLatency, reportOutboxLatency } from './outbox-latency.bench';

// `npm run bench`: every benchmark with its baseline, printed and saved to bench/results/latest.json.
async function main() {
  const which = process.argv[2] ?? 'all';
  const results: Record<string, unknown> = { at: new Date().toISOString() };
  if (which === 'all' || which === 'gateway') {
    const r = await benchGatewayRead();
    results.gatewayRead = r;
    console.log(`\n${reportGatewayRead(r)}`);
  }
  if (which === 'all' || which === 'outbox') {
    const r = await benchOutboxLatency();
    results.outboxLatency = r;
    console.log(`\n${reportOutboxLatency(r)}`);
  }
  writeFileSync(join(__dirname, '..', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
