import { ConfigError } from '../config/config.error';
import { loadLimitsFrom } from './load.config';

describe('loadLimitsFrom', () => {
  it('defaults to 128 HTTP requests, sixteen gRPC calls per database connection and Retry-After 1 s', () => {
    expect(loadLimitsFrom({})).toEqual({ httpMaxInFlight: 128, grpcMaxInFlight: 160, retryAfterSeconds: 1 });
    expect(loadLimitsFrom({ DATABASE_POOL_SIZE: '25' }).grpcMaxInFlight).toBe(400);
  });

  it('takes the configured limits', () => {
    expect(
      loadLimitsFrom({ HTTP_MAX_IN_FLIGHT: '16', GRPC_MAX_IN_FLIGHT: '3', LOAD_RETRY_AFTER_SECONDS: '5' }),
    ).toEqual({ httpMaxInFlight: 16, grpcMaxInFlight: 3, retryAfterSeconds: 5 });
  });

  it('names a bad limit', () => {
    expect(() => loadLimitsFrom({ HTTP_MAX_IN_FLIGHT: '0' })).toThrow(ConfigError);
    expect(() => loadLimitsFrom({ HTTP_MAX_IN_FLIGHT: '0' })).toThrow(/HTTP_MAX_IN_FLIGHT: expected an integer >= 1/);
    expect(() => loadLimitsFrom({ GRPC_MAX_IN_FLIGHT: 'many' })).toThrow(/GRPC_MAX_IN_FLIGHT: expected an integer/);
  });
});
