import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchAccreditationWrite, reportAccreditationWrite } from './accreditation-write.bench';
import { benchGatewayRead, reportGatewayRead } from './gateway-read.bench';
import { benchInsuranceFeed, reportInsuranceFeed } from './insurance-feed/insurance-feed.bench';
import { benchLapseSweep, reportLapseSweep } from './lapse-sweep/lapse-sweep.bench';
import { benchOutboxLatency, reportOutboxLatency } from './outbox-latency.bench';
import { benchOverload, reportOverload } from './overload.bench';
import { benchVerifyRead, reportVerifyRead } from './verify-read.bench';

// `npm run bench [name…]`: the named benchmarks (all when none), each with its baseline, printed
// and saved under its key in bench/results/latest.json (the results of benchmarks not run are kept).
interface Benchmark {
  /** The name on the command line and the key in latest.json. */
  name: string;
  key: string;
  run(): Promise<unknown>;
  report(result: any): string;
}

// A new benchmark is one line here.
const BENCHMARKS: Benchmark[] = [
  { name: 'gateway', key: 'gatewayRead', run: benchGatewayRead, report: reportGatewayRead },
  { name: 'verify', key: 'verifyRead', run: benchVerifyRead, report: reportVerifyRead },
  { name: 'outbox', key: 'outboxLatency', run: benchOutboxLatency, report: reportOutboxLatency },
  { name: 'write', key: 'accreditationWrite', run: benchAccreditationWrite, report: reportAccreditationWrite },
  { name: 'overload', key: 'overload', run: benchOverload, report: reportOverload },
  { name: 'lapse-sweep', key: 'lapseSweep', run: benchLapseSweep, report: reportLapseSweep },
  { name: 'insurance-feed', key: 'insuranceFeed', run: benchInsuranceFeed, report: reportInsuranceFeed },
];

async function main() {
  const asked = process.argv.slice(2).filter((a) => a !== 'all');
  const unknown = asked.filter((a) => !BENCHMARKS.some((b) => b.name === a));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  }
  const file = join(__dirname, '..', 'results', 'latest.json');
  const results: Record<string, unknown> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const b of BENCHMARKS.filter((b) => asked.length === 0 || asked.includes(b.name))) {
    const result = await b.run();
    results[b.key] = { at: new Date().toISOString(), ...(result as object) };
    console.log(`\n${b.report(result)}`);
    writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
