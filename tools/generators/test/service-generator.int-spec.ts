import { loadSync } from '@grpc/proto-loader';
import { credentials, loadPackageDefinition } from '@grpc/grpc-js';
import { PROTO_FILES, PROTO_LOADER_OPTIONS, protoPath } from '@ofm/contracts';
import { SERVICES } from '@ofm/registry';
import { createTestDatabase, freePort, testKafkaBrokers, uniqueName, waitFor, type TestDatabase } from '@ofm/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { Client } from 'pg';

// `npx nx g @ofm/tools:service` run for real, in a copy of the workspace (the files the generator
// and Nx read, node_modules linked to this one's, so the kit libs are the built ones), and what it
// writes then built, linted, tested, migrated and started as the platform would:
//   1. the generator through the Nx CLI: Nx loads the local plugin as it is (plain CommonJS);
//   2. the registry entry is in libs/registry/src/services.ts, written, with the ports asked for, and
//      databases.sql, compose.yaml, the README table and the Helm values are exactly what
//      `ofm registry generate` makes;
//   3. the wiring (main, bootstrap, app.module, config, data-source, migrate) is under 150 lines;
//   4. `nx run @ofm/sample-records:build` (tsc -p tsconfig.build.json against the workspace's
//      tsconfig.base.json) and `:lint` (the workspace's ESLint config, module boundaries included);
//   5. its own jest specs: the unit spec of its rule and its integration spec (fresh database
//      migrated, the service bootstrapped on free ports, /health/ready 200 and /metrics);
//   6. a planned entry (property) is written in place: `planned` dropped, its ports and summary kept;
//   7. the built programs: dist/migrate.js on a fresh test database, then dist/main.js started as a
//      process: /health/ready 200, /metrics, grpc.health.v1 SERVING, and a clean exit on SIGTERM.
// Never in this repository: nothing here writes outside the temporary copy.
jest.setTimeout(600_000);

const ROOT = resolve(__dirname, '../../..');
const NAME = 'sample-records';
const NODE = process.execPath;
const WIRING = ['main.ts', 'bootstrap.ts', 'app.module.ts', 'config.ts', 'data-source.ts', 'migrate.ts'];
// Ports for the registry entry that no entry holds (the processes below run on free ports anyway).
const GRPC_PORT = 50190;
const HTTP_PORT = 9190;

const { evaluateServices } = require('../src/service/registry');

// What Nx, the generator and the service's build, lint and tests read; not services/* (another
// service's code is never needed), dist only where a program reads it (the CLI's generated-files).
const copyWorkspace = (to: string): void => {
  const skip = new Set(['node_modules', '.nx', '.local', 'dist']);
  const filter = (src: string) => !skip.has(basename(src)) || src === join(ROOT, 'tools/cli/dist');
  for (const file of [
    'package.json',
    'package-lock.json',
    'nx.json',
    'tsconfig.base.json',
    'eslint.config.mjs',
    'jest.config.js',
    '.prettierrc.json',
    '.prettierignore',
    'README.md',
  ]) {
    cpSync(join(ROOT, file), join(to, file));
  }
  for (const dir of ['libs', 'tools', 'deploy', 'helm'])
    cpSync(join(ROOT, dir), join(to, dir), { recursive: true, filter });
  // The other services as Nx projects (their package.json), so the workspace graph is the real one.
  mkdirSync(join(to, 'services'));
  for (const s of SERVICES.filter((x) => !x.planned)) {
    mkdirSync(join(to, 'services', s.name));
    cpSync(join(ROOT, 'services', s.name, 'package.json'), join(to, 'services', s.name, 'package.json'));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(to, 'node_modules'), 'dir');
};

const run = (cwd: string, args: string[], env: Record<string, string> = {}) => {
  const result = spawnSync(NODE, args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      CI: 'true',
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ...env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${result.status}):\n${output}`);
  return output;
};

describe('nx g @ofm/tools:service', () => {
  let work: string;
  let service: string;
  let nx: (...args: string[]) => string;

  beforeAll(() => {
    const taken = SERVICES.flatMap((s) => [s.grpcPort, s.httpPort]);
    expect(taken).not.toContain(GRPC_PORT);
    expect(taken).not.toContain(HTTP_PORT);
    work = mkdtempSync(join(tmpdir(), 'ofm-service-generator-'));
    copyWorkspace(work);
    service = join(work, 'services', NAME);
    nx = (...args) => run(work, [join(ROOT, 'node_modules/nx/dist/bin/nx.js'), ...args]);
  });

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('writes the service and its registry entry, with the generated files in step', () => {
    const out = nx(
      'g',
      '@ofm/tools:service',
      NAME,
      `--grpcPort=${GRPC_PORT}`,
      `--httpPort=${HTTP_PORT}`,
      '--no-interactive',
    );
    expect(out).toContain(`CREATE services/${NAME}/src/main.ts`);
    expect(out).toContain('UPDATE libs/registry/src/services.ts');

    for (const file of [
      'package.json',
      'tsconfig.json',
      'tsconfig.build.json',
      'README.md',
      ...WIRING.map((f) => `src/${f}`),
      'src/record/record.entity.ts',
      'src/record/record.rules.ts',
      'src/record/record.rules.spec.ts',
      `test/${NAME}.int-spec.ts`,
    ]) {
      expect({ file, exists: existsSync(join(service, file)) }).toEqual({ file, exists: true });
    }
    expect(JSON.parse(readFileSync(join(service, 'package.json'), 'utf8'))).toMatchObject({
      name: `@ofm/${NAME}`,
      nx: { tags: ['type:service'] },
    });

    const services = evaluateServices(readFileSync(join(work, 'libs/registry/src/services.ts'), 'utf8'));
    expect(services.find((s: { name: string }) => s.name === NAME)).toEqual({
      name: NAME,
      summary: 'sample records',
      grpcPort: GRPC_PORT,
      httpPort: HTTP_PORT,
      database: 'ofm_sample_records',
      publishes: [],
      consumes: [],
      grpcServices: [],
      protoFiles: [],
      calls: [],
    });
    // Every other entry as it was.
    expect(services.filter((s: { name: string }) => s.name !== NAME)).toEqual(JSON.parse(JSON.stringify(SERVICES)));

    // The files of `ofm registry generate`, checked with its own code against the new table.
    const { checkGeneratedFiles } = require(join(work, 'tools/cli/dist/registry/generated-files.js'));
    for (const file of checkGeneratedFiles(work, services)) {
      expect({ path: file.path, upToDate: file.upToDate }).toEqual({ path: file.path, upToDate: true });
    }
    expect(readFileSync(join(work, 'deploy/local/databases.sql'), 'utf8')).toContain(
      "('ofm_sample_records', false, true)",
    );
    expect(readFileSync(join(work, 'deploy/compose.yaml'), 'utf8')).toContain(
      `  ${NAME}:\n    <<: *service\n    build: { <<: *build, args: { SERVICE: ${NAME} } }`,
    );
    expect(readFileSync(join(work, 'README.md'), 'utf8')).toMatch(
      new RegExp(`\\| ${NAME} +\\| gRPC 127\\.0\\.0\\.1:${GRPC_PORT}, HTTP :${HTTP_PORT} \\| sample records +\\|`),
    );
    // One release deploys it: the chart's services section has its entry.
    expect(readFileSync(join(work, 'helm/ofm-platform/values.yaml'), 'utf8')).toContain(
      `  ${NAME}:\n    # sample records\n    ports: { http: ${HTTP_PORT}, grpc: ${GRPC_PORT} }\n    database: ofm_sample_records\n`,
    );
  });

  it('keeps the wiring outside domain code under 150 lines', () => {
    const lines = WIRING.map(
      (f) =>
        readFileSync(join(service, 'src', f), 'utf8')
          .trimEnd()
          .split('\n').length,
    );
    const total = lines.reduce((a, b) => a + b, 0);
    expect(total).toBeLessThan(150);
  });

  it('refuses a written service and a name that is not kebab-case, writing nothing', () => {
    expect(() => nx('g', '@ofm/tools:service', NAME, '--no-interactive')).toThrow(/already a written service/);
    expect(() => nx('g', '@ofm/tools:service', 'Sample_Records', '--no-interactive')).toThrow(
      /should match the pattern/,
    );
    expect(() => nx('g', '@ofm/tools:service', 'other', '--httpPort=9101', '--no-interactive')).toThrow(
      /port 9101 is already the registry's port of accreditation/,
    );
    expect(existsSync(join(work, 'services/other'))).toBe(false);
    expect(existsSync(join(work, 'services/Sample_Records'))).toBe(false);
  });

  it('builds and lints with the workspace configuration', () => {
    nx('run', `@ofm/${NAME}:build`, '--excludeTaskDependencies', '--skipNxCache', '--outputStyle=stream');
    for (const f of ['main.js', 'bootstrap.js', 'migrate.js']) expect(existsSync(join(service, 'dist', f))).toBe(true);
    nx('run', `@ofm/${NAME}:lint`, '--excludeTaskDependencies', '--skipNxCache', '--outputStyle=stream');
  });

  it('passes its own unit and integration specs', () => {
    const out = run(work, [
      join(ROOT, 'node_modules/jest/bin/jest.js'),
      '--config',
      'jest.config.js',
      '--selectProjects',
      'unit',
      'integration',
      '--json',
      `services/${NAME}/`,
    ]);
    const report = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
    const files = report.testResults.map((r: { name: string }) => r.name.slice(service.length + 1)).sort();
    expect(files).toEqual(['src/record/record.rules.spec.ts', `test/${NAME}.int-spec.ts`]);
    expect(report.numFailedTests).toBe(0);
    expect(report.numPassedTests).toBeGreaterThanOrEqual(6);
  });

  it('writes a planned service with the planned entry: `planned` dropped, its ports and summary kept', () => {
    const planned = SERVICES.find((s) => s.name === 'property')!;
    expect(planned.planned).toBe(true);
    nx('g', '@ofm/tools:service', 'property', '--no-interactive');
    const services = evaluateServices(readFileSync(join(work, 'libs/registry/src/services.ts'), 'utf8'));
    const { planned: _planned, ...written } = planned;
    expect(services.find((s: { name: string }) => s.name === 'property')).toEqual(JSON.parse(JSON.stringify(written)));
    expect(readFileSync(join(work, 'services/property/src/config.ts'), 'utf8')).toContain(
      `GRPC_PORT: portVar().default(${planned.grpcPort})`,
    );
  });

  describe('as built programs', () => {
    let db: TestDatabase;
    let child: ChildProcess | undefined;

    beforeAll(async () => {
      db = await createTestDatabase('service_generator');
    });

    afterAll(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await db?.drop();
    });

    it('migrates a fresh database with dist/migrate.js', async () => {
      run(service, ['dist/migrate.js'], { DATABASE_URL: db.url });
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      try {
        const { rows } = await pg.query(`SELECT name FROM schema_migrations`);
        expect(rows.map((r) => r.name)).toContainEqual(expect.stringMatching(/^CreateRecord\d+$/));
        expect((await pg.query(`SELECT count(*)::int AS n FROM record`)).rows[0].n).toBe(0);
      } finally {
        await pg.end();
      }
    });

    it('starts with dist/main.js and reports ready on HTTP and gRPC, then stops cleanly', async () => {
      const httpPort = await freePort();
      const grpcPort = await freePort();
      let log = '';
      child = spawn(NODE, ['dist/main.js'], {
        cwd: service,
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          KAFKA_BROKERS: testKafkaBrokers().join(','),
          KAFKA_CONSUMER_GROUP: uniqueName('ofm.sample-records.test'),
          HTTP_PORT: String(httpPort),
          GRPC_PORT: String(grpcPort),
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      const exited = new Promise<{ code: number | null; signal: string | null }>((done) =>
        child!.once('exit', (code, signal) => done({ code, signal })),
      );
      const base = `http://127.0.0.1:${httpPort}`;
      await waitFor(
        async () => {
          if (child!.exitCode !== null) throw new Error(`exited ${child!.exitCode}:\n${log}`);
          return (await fetch(`${base}/health/ready`).catch(() => undefined))?.status === 200;
        },
        { timeoutMs: 60_000, intervalMs: 250, what: `${NAME} /health/ready 200` },
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${log}`);
      });
      expect(log).toContain(`"msg":"${NAME} started"`);
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('ofm_outbox_pending');

      const health = (loadPackageDefinition(loadSync(protoPath(PROTO_FILES.health), PROTO_LOADER_OPTIONS)) as any).grpc
        .health.v1.Health;
      const client = new health(`127.0.0.1:${grpcPort}`, credentials.createInsecure());
      try {
        const answer = await new Promise<any>((ok, fail) =>
          client.check({ service: '' }, (e: Error | null, r: unknown) => (e ? fail(e) : ok(r))),
        );
        expect(answer.status).toBe('SERVING');
      } finally {
        client.close();
      }

      // Nest's shutdown hooks close the app (readiness, messaging, servers, pool), then re-raise the signal.
      child.kill('SIGTERM');
      expect([
        { code: 0, signal: null },
        { code: null, signal: 'SIGTERM' },
      ]).toContainEqual(await exited);
      expect(log.split('\n').filter((l) => l.includes('"level":"error"'))).toEqual([]);
    });
  });
});
