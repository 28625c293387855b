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
      INSURANCE_FEED_BATCH_ROWS: 2000,
      INSURANCE_FEED_UPLOAD_TTL_HOURS: 24,
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

  it('reads the TTL of uncommitted feed uploads, at least an hour and at most 30 days', () => {
    expect(loadVehiclesConfig({ ...env, INSURANCE_FEED_UPLOAD_TTL_HOURS: '2' }).INSURANCE_FEED_UPLOAD_TTL_HOURS).toBe(
      2,
    );
    expect(() => loadVehiclesConfig({ ...env, INSURANCE_FEED_UPLOAD_TTL_HOURS: '0' })).toThrow(
      /INSURANCE_FEED_UPLOAD_TTL_HOURS: expected an integer >= 1/,
    );
    expect(() => loadVehiclesConfig({ ...env, INSURANCE_FEED_UPLOAD_TTL_HOURS: '721' })).toThrow(
      /INSURANCE_FEED_UPLOAD_TTL_HOURS/,
    );
  });

  it('reviews the points flags at least daily', () => {
    expect(loadVehiclesConfig({ ...env, LICENCE_POINTS_SWEEP_INTERVAL_MS: '0' }).LICENCE_POINTS_SWEEP_INTERVAL_MS).toBe(
      0,
    );
    expect(() => loadVehiclesConfig({ ...env, LICENCE_POINTS_SWEEP_INTERVAL_MS: '86400001' })).toThrow(
      /LICENCE_POINTS_SWEEP_INTERVAL_MS: expected an integer <= 86400000/,
    );
  });

  it('names every bad or missing variable', () => {
    const load = () => loadVehiclesConfig({ INSURANCE_LAPSE_GRACE_DAYS: '-1' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DATABASE_URL: required/);
    expect(load).toThrow(/KAFKA_BROKERS: required/);
    expect(load).toThrow(/INSURANCE_LAPSE_GRACE_DAYS: expected an integer >= 0/);
  });
});
