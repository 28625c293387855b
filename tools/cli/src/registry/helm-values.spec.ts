import { SERVICES, type ServiceEntry } from '@ofm/registry';
import { parse } from 'yaml';
import { HELM_VALUES_BEGIN, HELM_VALUES_END, helmServicesSection, withHelmServices } from './helm-values';

const servicesOf = (entries: readonly ServiceEntry[]) =>
  (parse(helmServicesSection(entries)) as { services: Record<string, any> }).services;

describe('the Helm values section made from the registry', () => {
  it('lists the written services with their ports, database and the services they call', () => {
    const services = servicesOf(SERVICES);
    expect(Object.keys(services)).toEqual(['gateway', 'accreditation', 'reciprocity', 'vehicles', 'insights']);
    expect(services.gateway).toEqual({
      publicApi: true,
      ports: { http: 8080 },
      database: 'ofm_gateway',
      calls: ['accreditation', 'reciprocity', 'vehicles', 'insights'],
    });
    expect(services.vehicles).toEqual({ ports: { http: 9103, grpc: 50053 }, database: 'ofm_vehicles', calls: [] });
  });

  it('gives a service newly written its entry, and the gateway the call to it', () => {
    const entries: ServiceEntry[] = SERVICES.map((s) =>
      s.name === 'customs' ? { ...s, planned: false, grpcServices: ['ofm.customs.v1.ShipmentService'] } : s,
    ).map((s) => (s.publicApi ? { ...s, calls: [...s.calls, 'ofm.customs.v1.ShipmentService'] } : s));
    const services = servicesOf(entries);
    expect(services.customs).toEqual({ ports: { http: 9105, grpc: 50055 }, database: 'ofm_customs', calls: [] });
    expect(services.gateway.calls).toContain('customs');
  });

  it('replaces only what lies between the markers, and refuses a file without them', () => {
    const out = withHelmServices(`a: 1\n${HELM_VALUES_BEGIN}\nold\n${HELM_VALUES_END}\nb: 2\n`, SERVICES);
    expect(out.startsWith(`a: 1\n${HELM_VALUES_BEGIN}\nservices:\n  gateway:\n`)).toBe(true);
    expect(out.endsWith(`\n${HELM_VALUES_END}\nb: 2\n`)).toBe(true);
    expect(() => withHelmServices('a: 1\n', SERVICES)).toThrow(/markers/);
  });
});
