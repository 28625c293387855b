import { SERVICES, upstreamsOf } from '@ofm/registry';
import { parse } from 'yaml';
import { composeYaml } from './compose';

// What the images need from compose to run as they do in Kubernetes: a read-only root filesystem with
// /tmp writable (HOME=/tmp), the image's health check, and a gateway that waits for healthy upstreams.
describe('compose.yaml from the registry', () => {
  const compose = parse(composeYaml(SERVICES), { merge: true }) as { services: Record<string, any> };

  it.each(SERVICES.map((s) => [s.name] as const))('runs %s read-only, with /tmp writable and a healthcheck', (name) => {
    const service = compose.services[name];
    expect(service.read_only).toBe(true);
    expect(service.tmpfs).toEqual(['/tmp']);
    expect(service.healthcheck).toEqual({
      test: ['CMD', 'node', 'healthcheck.js'],
      interval: '10s',
      timeout: '3s',
      start_period: '30s',
      retries: 3,
    });
  });

  it('runs the gateway in development mode, the only one that accepts the local tokens', () => {
    // The image sets NODE_ENV=production, under which the gateway refuses AUTH_DEV_MODE.
    expect(compose.services.gateway.environment).toMatchObject({ AUTH_DEV_MODE: 'true', NODE_ENV: 'development' });
    expect(compose.services.vehicles.environment.NODE_ENV).toBeUndefined();
  });

  it('starts the gateway once every service it calls is healthy', () => {
    const upstreams = upstreamsOf('gateway', SERVICES).map((u) => u.name);
    expect(upstreams.length).toBeGreaterThan(0);
    for (const name of upstreams) {
      expect(compose.services.gateway.depends_on[name]).toEqual({ condition: 'service_healthy' });
    }
  });
});
