import { ConfigError } from '@ofm/platform';
import { loadVehiclesConfig } from '../config';

const env = { DATABASE_URL: 'postgres://u:p@localhost:5432/ofm_vehicles', KAFKA_BROKERS: 'a:9092' };

describe('disposal configuration', () => {
  it('gives 30 days to dispose of a vehicle and sweeps hourly by default', () => {
    expect(loadVehiclesConfig(env)).toMatchObject({ DISPOSAL_DUE_DAYS: 30, DISPOSAL_SWEEP_INTERVAL_MS: 3_600_000 });
    expect(loadVehiclesConfig({ ...env, DISPOSAL_DUE_DAYS: '60', DISPOSAL_SWEEP_INTERVAL_MS: '0' })).toMatchObject({
      DISPOSAL_DUE_DAYS: 60,
      DISPOSAL_SWEEP_INTERVAL_MS: 0,
    });
  });

  it('names a bad value', () => {
    expect(() => loadVehiclesConfig({ ...env, DISPOSAL_DUE_DAYS: '-1' })).toThrow(ConfigError);
    expect(() => loadVehiclesConfig({ ...env, DISPOSAL_DUE_DAYS: '400' })).toThrow(/DISPOSAL_DUE_DAYS/);
    expect(() => loadVehiclesConfig({ ...env, DISPOSAL_SWEEP_INTERVAL_MS: 'hourly' })).toThrow(
      /DISPOSAL_SWEEP_INTERVAL_MS/,
    );
  });
});
