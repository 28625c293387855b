import { z } from 'zod';
import { baseServiceConfig } from './base-service.config';
import { ConfigError } from './config.error';
import { loadConfig } from './load-config';

const validEnv = {
  DATABASE_URL: 'postgres://ofm_accreditation:s3cret@127.0.0.1:5432/ofm_accreditation',
  KAFKA_BROKERS: '127.0.0.1:9092, kafka-2:9092',
  HTTP_PORT: '9101',
  GRPC_PORT: '50051',
};

const errorOf = (fn: () => unknown): ConfigError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
};

describe('loadConfig', () => {
  it('parses a valid environment into typed values', () => {
    const config = loadConfig(baseServiceConfig, validEnv);
    expect(config).toEqual({
      DATABASE_URL: validEnv.DATABASE_URL,
      KAFKA_BROKERS: ['127.0.0.1:9092', 'kafka-2:9092'],
      HTTP_PORT: 9101,
      GRPC_PORT: 50051,
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: 10,
      COMMAND_RECEIPT_RETENTION_DAYS: 7,
    });
  });

  it('keeps an explicit log level and the optional OTLP endpoint', () => {
    const config = loadConfig(baseServiceConfig, {
      ...validEnv,
      LOG_LEVEL: 'debug',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318',
    });
    expect(config.LOG_LEVEL).toBe('debug');
    expect(config.OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://otel:4318');
  });

  it('names a missing variable as required', () => {
    const { DATABASE_URL: _omitted, ...env } = validEnv;
    expect(() => loadConfig(baseServiceConfig, env)).toThrow('Invalid configuration: DATABASE_URL: required');
  });

  it('treats an empty variable as missing', () => {
    expect(errorOf(() => loadConfig(baseServiceConfig, { ...validEnv, GRPC_PORT: '  ' })).problems).toEqual([
      'GRPC_PORT: required',
    ]);
  });

  it('names every bad and missing variable in one message', () => {
    const { DATABASE_URL: _omitted, ...env } = validEnv;
    const error = errorOf(() => loadConfig(baseServiceConfig, { ...env, GRPC_PORT: 'fifty', LOG_LEVEL: 'loud' }));
    expect(error.message).toBe(
      'Invalid configuration: DATABASE_URL: required; GRPC_PORT: expected an integer; LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(error.name).toBe('ConfigError');
  });

  it.each([
    ['HTTP_PORT', '1.5', 'HTTP_PORT: expected an integer'],
    ['HTTP_PORT', '70000', 'HTTP_PORT: expected an integer <= 65535'],
    ['DATABASE_URL', 'not a url', 'DATABASE_URL: expected a URL'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'otel', 'OTEL_EXPORTER_OTLP_ENDPOINT: expected a URL'],
    ['KAFKA_BROKERS', ' , ', 'KAFKA_BROKERS: expected a comma-separated list'],
  ])('rejects %s=%j', (name, value, problem) => {
    expect(errorOf(() => loadConfig(baseServiceConfig, { ...validEnv, [name]: value })).problems).toEqual([problem]);
  });

  it('validates the variables a service adds to the base schema', () => {
    const schema = baseServiceConfig.extend({ AUTH_ISSUER: z.string() });
    expect(() => loadConfig(schema, validEnv)).toThrow('Invalid configuration: AUTH_ISSUER: required');
    expect(loadConfig(schema, { ...validEnv, AUTH_ISSUER: 'https://login.ofm.test' }).AUTH_ISSUER).toBe(
      'https://login.ofm.test',
    );
  });

  it('reads process.env by default', () => {
    const saved = process.env;
    process.env = { ...validEnv };
    try {
      expect(loadConfig(baseServiceConfig).HTTP_PORT).toBe(9101);
    } finally {
      process.env = saved;
    }
  });
});
