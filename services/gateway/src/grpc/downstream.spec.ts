import { HealthRegistry } from '@ofm/platform';
import { loadGatewayConfig } from '../config';
import { testConfig } from '../gateway.spec-helper';
import { Downstream } from './downstream';

describe('Downstream', () => {
  it('opens one channel per service behind the gateway, as the service registry wires them', () => {
    const health = new HealthRegistry();
    const downstream = new Downstream(
      loadGatewayConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/db', AUTH_DEV_MODE: 'true' }),
      health,
    );
    downstream.onModuleInit();
    // /health/ready waits for each service behind the gateway, by its registry name.
    expect(health.names()).toEqual(['accreditation', 'reciprocity', 'vehicles', 'insights']);
    expect(downstream.missions.getMission).toEqual(expect.any(Function));
    expect(downstream.vehicles.verifyPlate).toEqual(expect.any(Function));
    downstream.onApplicationShutdown();
  });

  it('refuses a client of a service it has no address for, naming the registry', () => {
    const config = { ...testConfig(), grpcUrls: { accreditation: '127.0.0.1:1' } };
    expect(() => new Downstream(config, new HealthRegistry())).toThrow(
      /ofm.vehicles.v1.VehicleService is served by vehicles, which has no address: add .* to the calls of the gateway in libs\/registry/,
    );
  });
});
