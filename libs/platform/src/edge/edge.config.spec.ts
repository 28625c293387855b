import { ConfigError } from '../config/config.error';
import { loadEdgeSettings } from './edge.config';
import { connectionsCheckingIntervalMs } from './server-options';

describe('edge settings', () => {
  it('defaults to 30 s for headers, the whole request and the handler, and 64 KiB JSON bodies', () => {
    expect(loadEdgeSettings({})).toEqual({
      headersTimeoutMs: 30_000,
      requestTimeoutMs: 30_000,
      handlerTimeoutMs: 30_000,
      idleTimeoutMs: 60_000,
      keepAliveTimeoutMs: 72_000,
      maxRequestsPerSocket: 1_000,
      maxConnections: 4_096,
      maxHeaderBytes: 16_384,
      bodyLimitBytes: 65_536,
      json: { maxDepth: 32, maxArrayLength: 1_000 },
    });
  });

  it('reads each variable', () => {
    const s = loadEdgeSettings({
      HTTP_HEADERS_TIMEOUT_MS: '500',
      HTTP_REQUEST_TIMEOUT_MS: '1500',
      HTTP_JSON_MAX_DEPTH: '8',
    });
    expect([s.headersTimeoutMs, s.requestTimeoutMs, s.json.maxDepth]).toEqual([500, 1500, 8]);
  });

  it('refuses a headers timeout longer than the request timeout, and non-integers, naming the variable', () => {
    expect(() => loadEdgeSettings({ HTTP_HEADERS_TIMEOUT_MS: '40000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS: must be <= HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadEdgeSettings({ HTTP_HANDLER_TIMEOUT_MS: '90000' })).toThrow(/HTTP_HANDLER_TIMEOUT_MS/);
    expect(() => loadEdgeSettings({ HTTP_BODY_LIMIT_BYTES: '64k' })).toThrow(ConfigError);
  });

  it('checks for late requests often enough that a timeout fires within a tenth of itself', () => {
    expect(connectionsCheckingIntervalMs(loadEdgeSettings({}))).toBe(1_000);
    const short = loadEdgeSettings({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1500' });
    expect(connectionsCheckingIntervalMs(short)).toBe(100);
  });
});
