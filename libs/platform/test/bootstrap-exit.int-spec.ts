import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { baseServiceConfig, bootstrapService, ConfigError, loadConfig } from '../src';

// What an operator sees when a variable is missing: one log line naming it, and exit code 1.
const badConfigService = `
const { bootstrapService, loadConfig, baseServiceConfig } = require('@ofm/platform');
void bootstrapService(() => loadConfig(baseServiceConfig, { KAFKA_BROKERS: 'k:9092', HTTP_PORT: '1', GRPC_PORT: 'x' }));
`;

describe('bootstrapService with a bad configuration', () => {
  it('logs the ConfigError message and exits 1', async () => {
    const env = { ...process.env };
    delete env.JEST_WORKER_ID;
    const child = spawn(process.execPath, ['-e', badConfigService], { cwd: resolve(__dirname, '..'), env });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(1);
    const line = JSON.parse(output.trim().split('\n').pop()!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'error',
      msg: 'Invalid configuration: DATABASE_URL: required; GRPC_PORT: expected an integer',
    });
  });

  it('rejects instead of exiting when asked to (tests)', async () => {
    await expect(
      bootstrapService(() => loadConfig(baseServiceConfig, {}), { exitOnError: false }),
    ).rejects.toBeInstanceOf(ConfigError);
    // The error line is written asynchronously (pino over sonic-boom): let it reach stdout before the
    // suite, and perhaps the jest process, ends.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});
