import { ConfigError } from '@ofm/platform';
import { loadVehiclesConfig } from './config';

const env = { DATABASE_URL: 'postgres://u:p@localhost:5432/ofm_vehicles', KAFKA_BROKERS: 'a:9092, b:9092' };

describe('vehicles configuration', () => {
  it('applies the documented defaults', () => {
    expect(loadVehiclesConfig(env)).toMatchObject({
      HTTP_PORT: 9103,
      GRPC_PORT: 50053,
      KAFKA_BROKERS: ['a:9092', 'b:9092'],
      INSURANCE_LAPSE_GRACE_DAYS: 0,
      INSURANCE_SWEEP_INTERVAL_MS: 30_000,
    });
    expect(loadVehiclesConfig(env).KAFKA_CONSUMER_GROUP).toBeUndefined();
  });

  it('reads the grace period and the sweep interval', () => {
    expect(
      loadVehiclesConfig({ ...env, INSURANCE_LAPSE_GRACE_DAYS: '10', INSURANCE_SWEEP_INTERVAL_MS: '0' }),
    ).toMatchObject({
      INSURANCE_LAPSE_GRACE_DAYS: 10,
      INSURANCE_SWEEP_INTERVAL_MS: 0,
    });
  });

  it('names every bad or missing variable', () => {
    const load = () => loadVehiclesConfig({ INSURANCE_LAPSE_GRACE_DAYS: '-1' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DATABASE_URL: required/);
    expect(load).toThrow(/KAFKA_BROKERS: required/);
    expect(load).toThrow(/INSURANCE_LAPSE_GRACE_DAYS: expected an integer >= 0/);
  });
});
