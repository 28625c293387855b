import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  consumerGroup,
  consumersOf,
  grpcUrlVar,
  localDatabaseUrl,
  publicApiService,
  publishersOf,
  service,
  serverOf,
  SERVICES,
  startOrder,
  startWaves,
  upstreamsOf,
  writtenServices,
  type ServiceEntry,
} from './index';

const ROOT = resolve(__dirname, '../../..');
const names = (entries: readonly ServiceEntry[]) => entries.map((s) => s.name);

// The gRPC services a .proto file declares, by full name.
const declaredServices = (file: string): string[] => {
  const text = readFileSync(join(ROOT, 'proto', file), 'utf8');
  const pkg = /^package\s+([\w.]+)\s*;/m.exec(text)?.[1];
  return [...text.matchAll(/^service\s+(\w+)\s*\{/gm)].map((m) => `${pkg}.${m[1]}`);
};

const entry = (name: string, extra: Partial<ServiceEntry> = {}): ServiceEntry => ({
  name,
  summary: name,
  grpcPort: null,
  httpPort: 1,
  database: `ofm_${name}`,
  publishes: [],
  consumes: [],
  grpcServices: [],
  protoFiles: [],
  calls: [],
  ...extra,
});

describe('the service registry', () => {
  it('has the names, ports and databases of DESIGN.md "Names and ports"', () => {
    expect(SERVICES.map((s) => [s.name, s.grpcPort, s.httpPort, s.database])).toEqual([
      ['gateway', null, 8080, 'ofm_gateway'],
      ['accreditation', 50051, 9101, 'ofm_accreditation'],
      ['reciprocity', 50052, 9102, 'ofm_reciprocity'],
      ['vehicles', 50053, 9103, 'ofm_vehicles'],
      ['property', 50054, 9104, 'ofm_property'],
      ['customs', 50055, 9105, 'ofm_customs'],
      ['banking', 50056, 9106, 'ofm_banking'],
      ['emergency', 50057, 9107, 'ofm_emergency'],
      ['insights', 50058, 9108, 'ofm_insights'],
    ]);
  });

  it('gives each service its own name, ports and database', () => {
    const ports = SERVICES.flatMap((s) => [s.httpPort, ...(s.grpcPort === null ? [] : [s.grpcPort])]);
    expect(new Set(ports).size).toBe(ports.length);
    expect(new Set(names(SERVICES)).size).toBe(SERVICES.length);
    for (const s of SERVICES) {
      expect(s.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(s.database).toBe(`ofm_${s.name.replace(/-/g, '_')}`);
    }
    expect(names(SERVICES.filter((s) => s.publicApi))).toEqual(['gateway']);
  });

  it('has an entry for every folder under services/, and a folder for every written entry', () => {
    const folders = readdirSync(join(ROOT, 'services'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(ROOT, 'services', d.name, 'package.json')))
      .map((d) => d.name)
      .sort();
    expect(names(writtenServices()).slice().sort()).toEqual(folders);
    for (const s of SERVICES.filter((x) => x.planned)) expect(existsSync(join(ROOT, 'services', s.name))).toBe(false);
  });

  it('names topics ofm.<domain>.<aggregate>.v<n>, each owned by the service of its domain when there is one', () => {
    for (const s of SERVICES) {
      for (const topic of [...s.publishes, ...s.consumes]) {
        expect({ service: s.name, topic }).toEqual({
          service: s.name,
          topic: expect.stringMatching(/^ofm\.[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*\.v[1-9][0-9]*$/),
        });
        const domain = topic.split('.')[1]!;
        if (SERVICES.some((o) => o.name === domain)) {
          // Only its own service publishes on a service's topic.
          if (s.publishes.includes(topic)) expect({ topic, publisher: s.name }).toEqual({ topic, publisher: domain });
        }
      }
      expect(s.consumes.filter((t) => s.publishes.includes(t))).toEqual([]);
    }
  });

  it('consumes only topics that some service publishes', () => {
    for (const s of SERVICES) {
      for (const topic of s.consumes) {
        expect({ topic, publishers: SERVICES.some((p) => p.publishes.includes(topic)) }).toEqual({
          topic,
          publishers: true,
        });
      }
    }
  });

  it('lists exactly the gRPC services its proto files declare, and serves gRPC only with a port', () => {
    for (const s of SERVICES) {
      for (const file of s.protoFiles) expect(existsSync(join(ROOT, 'proto', file))).toBe(true);
      expect({ name: s.name, grpcServices: [...s.protoFiles.flatMap(declaredServices)].sort() }).toEqual({
        name: s.name,
        grpcServices: [...s.grpcServices].sort(),
      });
      if (s.grpcPort === null) expect(s.grpcServices).toEqual([]);
      if (!s.planned && s.grpcPort !== null) expect(s.grpcServices.length).toBeGreaterThan(0);
    }
  });

  it('serves every gRPC service once, calls only what a written service serves, never itself', () => {
    const all = SERVICES.flatMap((s) => s.grpcServices);
    expect(new Set(all).size).toBe(all.length);
    for (const s of SERVICES) {
      for (const call of s.calls) {
        const server = serverOf(call);
        expect(server.name).not.toBe(s.name);
        if (!s.planned) expect(server.planned).toBeFalsy();
      }
    }
  });

  it('answers the wiring questions', () => {
    expect(service('vehicles').grpcPort).toBe(50053);
    expect(publicApiService().name).toBe('gateway');
    expect(() => service('nope')).toThrow(/unknown service "nope": use gateway, accreditation/);
    expect(names(writtenServices())).toEqual(['gateway', 'accreditation', 'reciprocity', 'vehicles', 'insights']);
    expect(names(consumersOf('ofm.accreditation.member.v1'))).toEqual(['vehicles']);
    expect(names(consumersOf('ofm.vehicles.vehicle.v1'))).toEqual(['accreditation']);
    expect(names(publishersOf('ofm.compliance.flag.v1'))).toEqual(['accreditation', 'vehicles']);
    expect(names(consumersOf('ofm.compliance.flag.v1'))).toEqual(['insights']);
    expect(serverOf('ofm.accreditation.v1.MissionService').name).toBe('accreditation');
    expect(() => serverOf('ofm.nope.v1.NopeService')).toThrow(/no service serves ofm.nope.v1.NopeService/);
    expect(names(upstreamsOf('gateway'))).toEqual(['accreditation', 'reciprocity', 'vehicles', 'insights']);
    expect(names(upstreamsOf('vehicles'))).toEqual([]);
    expect(consumerGroup('vehicles')).toBe('ofm.vehicles');
    expect(grpcUrlVar('accreditation')).toBe('ACCREDITATION_GRPC_URL');
    expect(grpcUrlVar('law-enforcement')).toBe('LAW_ENFORCEMENT_GRPC_URL');
    expect(localDatabaseUrl(service('vehicles'))).toBe(
      'postgres://ofm_vehicles:ofm_vehicles@127.0.0.1:5432/ofm_vehicles',
    );
    expect(localDatabaseUrl(service('gateway'), 'postgres:5432')).toBe(
      'postgres://ofm_gateway:ofm_gateway@postgres:5432/ofm_gateway',
    );
  });

  it('starts every service after the services it calls', () => {
    expect(startWaves().map(names)).toEqual([['accreditation', 'reciprocity', 'vehicles', 'insights'], ['gateway']]);
    expect(names(startOrder())).toEqual(['accreditation', 'reciprocity', 'vehicles', 'insights', 'gateway']);

    const table = [
      entry('edge', { calls: ['x.v1.B'] }),
      entry('b', { grpcPort: 2, grpcServices: ['x.v1.B'], calls: ['x.v1.C'] }),
      entry('c', { grpcPort: 3, grpcServices: ['x.v1.C'] }),
    ];
    expect(startWaves(table, table).map(names)).toEqual([['c'], ['b'], ['edge']]);
    // A service not started here (not in `entries`) does not hold back its callers.
    expect(startWaves(table.slice(0, 2), table).map(names)).toEqual([['b'], ['edge']]);
    const circle = [
      entry('a', { grpcPort: 1, grpcServices: ['x.v1.A'], calls: ['x.v1.B'] }),
      entry('b', { grpcPort: 2, grpcServices: ['x.v1.B'], calls: ['x.v1.A'] }),
    ];
    expect(() => startWaves(circle, circle)).toThrow(/go round in a circle: a, b/);
  });
});
