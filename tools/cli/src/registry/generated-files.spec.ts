import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVICES, type ServiceEntry } from '@ofm/registry';
import { parse } from 'yaml';
import { composeYaml } from './compose';
import { databasesSql } from './databases-sql';
import { checkGeneratedFiles } from './generated-files';
import { README_BEGIN, README_END, whatRunsWhere, withWhatRunsWhere } from './readme-table';

const ROOT = resolve(__dirname, '../../../..');

// A service added to the table as a new one would be: written, serving gRPC, called by the gateway.
const withNewService = (): ServiceEntry[] => [
  ...SERVICES.map((s) => (s.publicApi ? { ...s, calls: [...s.calls, 'ofm.passports.v1.PassportService'] } : s)),
  {
    name: 'passports',
    summary: 'passports',
    grpcPort: 50099,
    httpPort: 9199,
    database: 'ofm_passports',
    publishes: [],
    consumes: [],
    grpcServices: ['ofm.passports.v1.PassportService'],
    protoFiles: [],
    calls: [],
  },
];

describe('the files generated from the registry', () => {
  it.each(checkGeneratedFiles(ROOT).map((f) => [f.path, f] as const))(
    '%s is what `npx ofm registry generate` makes of the registry',
    (path, file) => {
      // On failure: run `npx ofm registry generate` (after building @ofm/registry) and commit the result.
      expect(readFileSync(join(ROOT, path), 'utf8')).toBe(file.expected);
    },
  );

  it('gives compose every service with the ports and environment of deploy/local', () => {
    const compose = parse(composeYaml(SERVICES), { merge: true }) as { services: Record<string, any> };
    expect(Object.keys(compose.services)).toEqual([
      'postgres',
      'kafka',
      'gateway',
      'accreditation',
      'reciprocity',
      'vehicles',
      'insights',
      'property',
      'customs',
      'banking',
      'emergency',
    ]);
    expect(compose.services.gateway).toMatchObject({
      ports: ['127.0.0.1:8080:8080'],
      environment: {
        DATABASE_URL: 'postgres://ofm_gateway:ofm_gateway@postgres:5432/ofm_gateway',
        KAFKA_BROKERS: 'kafka:19092',
        HTTP_PORT: 8080,
        ACCREDITATION_GRPC_URL: 'accreditation:50051',
        RECIPROCITY_GRPC_URL: 'reciprocity:50052',
        VEHICLES_GRPC_URL: 'vehicles:50053',
        AUTH_DEV_MODE: 'true',
      },
      depends_on: {
        accreditation: { condition: 'service_healthy' },
        reciprocity: { condition: 'service_healthy' },
        vehicles: { condition: 'service_healthy' },
      },
    });
    expect(compose.services.gateway.environment.GRPC_PORT).toBeUndefined();
    expect(compose.services.vehicles).toMatchObject({
      image: 'ofm/vehicles:local',
      build: { args: { SERVICE: 'vehicles' } },
      ports: ['127.0.0.1:50053:50053', '127.0.0.1:9103:9103'],
      environment: { GRPC_PORT: 50053, HTTP_PORT: 9103 },
    });
    expect(compose.services.vehicles.profiles).toBeUndefined();
    expect(compose.services.reciprocity.profiles).toBeUndefined();
    expect(compose.services.property.profiles).toEqual(['all']);
    // The merge keys resolve: every service depends on the infrastructure.
    expect(compose.services.accreditation.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
  });

  it('follows the table: a new service gets its container, its database and the gateway its URL', () => {
    const services = withNewService();
    const compose = parse(composeYaml(services), { merge: true }) as { services: Record<string, any> };
    expect(compose.services.passports).toMatchObject({
      ports: ['127.0.0.1:50099:50099', '127.0.0.1:9199:9199'],
      environment: { DATABASE_URL: 'postgres://ofm_passports:ofm_passports@postgres:5432/ofm_passports' },
    });
    expect(compose.services.passports.profiles).toBeUndefined();
    expect(compose.services.gateway.environment.PASSPORTS_GRPC_URL).toBe('passports:50099');
    expect(compose.services.gateway.depends_on.passports).toEqual({ condition: 'service_healthy' });
    expect(databasesSql(services)).toContain("('ofm_passports', false, true)");
    expect(whatRunsWhere(services)).toMatch(/\| passports +\| gRPC 127\.0\.0\.1:50099, HTTP :9199 \| passports +\|/);
  });

  it('creates the role and database of every service, planned ones too, and ofm_test', () => {
    const sql = databasesSql(SERVICES);
    for (const s of SERVICES) expect(sql).toContain(`('${s.database}', false, true)`);
    expect(sql).toContain("('ofm_test', true, true)");
  });

  it('replaces only what lies between the README markers', () => {
    const readme = `# T\n\nbefore\n\n${README_BEGIN}\n\nold\n\n${README_END}\n\nafter\n`;
    const out = withWhatRunsWhere(readme, SERVICES);
    expect(out.startsWith(`# T\n\nbefore\n\n${README_BEGIN}\n\n| what `)).toBe(true);
    expect(out.endsWith(`|\n\n${README_END}\n\nafter\n`)).toBe(true);
    expect(out).not.toContain('old');
    expect(() => withWhatRunsWhere('# no markers\n', SERVICES)).toThrow(/markers/);
  });
});
