import { ConfigError } from '@ofm/platform';
import { loadVehiclesConfig } from '../config';

// LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: DOMAIN.md says "up to a year", so 1–365, default the year.
const env = { DATABASE_URL: 'postgres://u:p@localhost:5432/ofm_vehicles', KAFKA_BROKERS: 'a:9092' };

describe('the licence configuration', () => {
  it('suspends a DUI with a refused test for a year unless told otherwise', () => {
    expect(loadVehiclesConfig(env).LICENCE_DUI_REFUSAL_SUSPENSION_DAYS).toBe(365);
    expect(
      loadVehiclesConfig({ ...env, LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: '90' }).LICENCE_DUI_REFUSAL_SUSPENSION_DAYS,
    ).toBe(90);
  });

  it.each(['0', '366', 'a year'])('refuses %j, naming the variable', (value) => {
    const load = () => loadVehiclesConfig({ ...env, LICENCE_DUI_REFUSAL_SUSPENSION_DAYS: value });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/LICENCE_DUI_REFUSAL_SUSPENSION_DAYS/);
  });
});
