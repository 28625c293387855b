import { ConfigError } from '@ofm/platform';
import { DEFAULT_DEV_JWKS_PATH, loadGatewayConfig, REPO_ROOT } from './config';

const base = { DATABASE_URL: 'postgres://ofm_gateway:secret@127.0.0.1:5432/ofm_gateway' };

describe('loadGatewayConfig', () => {
  it('runs in development mode on the defaults of the local platform', () => {
    const c = loadGatewayConfig({ ...base, AUTH_DEV_MODE: 'true' });
    expect(c).toMatchObject({
      httpPort: 8080,
      grpcUrls: { accreditation: '127.0.0.1:50051', vehicles: '127.0.0.1:50053' },
      grpcDeadlineMs: 5000,
      auth: {
        mode: 'dev',
        jwksPath: DEFAULT_DEV_JWKS_PATH,
        issuer: 'https://auth.ofm.local/dev',
        audience: 'ofm-platform',
      },
      idempotency: { ttlHours: 24, inFlightSeconds: 60 },
    });
    expect(DEFAULT_DEV_JWKS_PATH).toBe(`${REPO_ROOT}/.local/dev-auth/jwks.json`);
  });

  it('takes the address of each service behind it from <SERVICE>_GRPC_URL (the service registry names them)', () => {
    const c = loadGatewayConfig({ ...base, AUTH_DEV_MODE: 'true', VEHICLES_GRPC_URL: 'vehicles:50053' });
    expect(c.grpcUrls).toEqual({
      accreditation: '127.0.0.1:50051',
      reciprocity: '127.0.0.1:50052',
      vehicles: 'vehicles:50053',
      insights: '127.0.0.1:50058',
    });
  });

  it('resolves a relative development JWKS path against the repository root', () => {
    expect(loadGatewayConfig({ ...base, AUTH_DEV_MODE: 'true', AUTH_DEV_JWKS_PATH: 'x/jwks.json' }).auth).toMatchObject(
      { jwksPath: `${REPO_ROOT}/x/jwks.json` },
    );
  });

  it('refuses development auth in production, naming the variable', () => {
    expect(() => loadGatewayConfig({ ...base, AUTH_DEV_MODE: 'true', NODE_ENV: 'production' })).toThrow(
      /AUTH_DEV_MODE: must not be true when NODE_ENV=production/,
    );
  });

  it('needs the identity provider outside development mode, naming each missing variable', () => {
    const error = (() => {
      try {
        loadGatewayConfig({ ...base });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/AUTH_JWKS_URL: required/);
    expect((error as ConfigError).message).toMatch(/AUTH_ISSUER: required/);
    expect((error as ConfigError).message).toMatch(/AUTH_AUDIENCE: required/);
  });

  it('uses the remote JWKS in production', () => {
    const c = loadGatewayConfig({
      ...base,
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://idp.example/jwks',
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'ofm',
      HTTP_PORT: '9000',
      GRPC_DEADLINE_MS: '2500',
    });
    expect(c).toMatchObject({
      httpPort: 9000,
      grpcDeadlineMs: 2500,
      auth: { mode: 'remote', jwksUrl: 'https://idp.example/jwks', issuer: 'https://idp.example', audience: 'ofm' },
    });
  });

  it('names a missing DATABASE_URL and a bad port', () => {
    expect(() => loadGatewayConfig({ AUTH_DEV_MODE: 'true', HTTP_PORT: 'eighty' })).toThrow(
      /DATABASE_URL: required.*HTTP_PORT: expected an integer|HTTP_PORT: expected an integer.*DATABASE_URL: required/,
    );
  });
});
