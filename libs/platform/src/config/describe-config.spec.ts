import { describeConfig } from './describe-config';

describe('describeConfig', () => {
  it('masks the password inside URLs and keeps the rest readable', () => {
    expect(describeConfig({ DATABASE_URL: 'postgres://ofm_vehicles:hunter2@db:5432/ofm_vehicles' })).toEqual({
      DATABASE_URL: 'postgres://ofm_vehicles:***@db:5432/ofm_vehicles',
    });
  });

  it('leaves URLs without a password untouched', () => {
    expect(describeConfig({ AUTH_JWKS_URL: 'https://login.ofm.test/.well-known/jwks.json' })).toEqual({
      AUTH_JWKS_URL: 'https://login.ofm.test/.well-known/jwks.json',
    });
  });

  it.each(['DB_PASSWORD', 'CLIENT_SECRET', 'API_TOKEN', 'SIGNING_KEY', 'kafka_sasl_password'])(
    'masks %s whole',
    (name) => {
      expect(describeConfig({ [name]: 'value' })).toEqual({ [name]: '***' });
    },
  );

  it('masks inside lists and nested objects, and keeps other values', () => {
    expect(
      describeConfig({
        KAFKA_BROKERS: ['kafka://u:p@k1:9092', 'k2:9092'],
        HTTP_PORT: 9101,
        nested: { TOKEN: 'abc', name: 'x' },
      }),
    ).toEqual({
      KAFKA_BROKERS: ['kafka://u:***@k1:9092', 'k2:9092'],
      HTTP_PORT: 9101,
      nested: { TOKEN: '***', name: 'x' },
    });
  });

  it('shows an unset secret as unset', () => {
    expect(describeConfig({ API_KEY: undefined })).toEqual({ API_KEY: undefined });
  });

  it('does not modify the configuration it describes', () => {
    const config = { DATABASE_URL: 'postgres://u:p@h/db' };
    describeConfig(config);
    expect(config.DATABASE_URL).toBe('postgres://u:p@h/db');
  });
});
