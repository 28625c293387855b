const MASK = '***';
const SECRET_NAME = /PASSWORD|SECRET|TOKEN|KEY/i;

// A copy of the configuration that is safe to log: secrets by name are masked whole, and passwords
// inside URLs (postgres://user:pw@host) are masked in place so the host stays visible.
export const describeConfig = (config: object): Record<string, unknown> => {
  const described: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    described[key] = SECRET_NAME.test(key) && value !== undefined ? MASK : maskValue(value);
  }
  return described;
};

const maskValue = (value: unknown): unknown => {
  if (typeof value === 'string') return maskUrlPassword(value);
  if (Array.isArray(value)) return value.map(maskValue);
  if (value !== null && typeof value === 'object') return describeConfig(value);
  return value;
};

const maskUrlPassword = (value: string): string => {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    if (url.password === '') return value;
    url.password = MASK;
    return url.toString();
  } catch {
    // Not parseable as a URL: fall back to masking anything between "user:" and "@".
    return value.replace(/\/\/([^:/@]+):[^@/]*@/, `//$1:${MASK}@`);
  }
};
