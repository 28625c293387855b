// Failures of the infrastructure itself (down, restarting, connection lost) or of concurrency (serialization,
// deadlock): consumers retry them without using up an event's attempts, and callers get 503 / UNAVAILABLE
// (try again) rather than 500 (our fault).
const TRANSIENT_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '40001', '40P01']);
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Connection is closed',
];

const codeOf = (e: unknown): string | undefined => {
  if (typeof e !== 'object' || e === null) return undefined;
  const { code, driverError } = e as { code?: unknown; driverError?: unknown };
  if (typeof code === 'string') return code;
  return driverError === undefined ? undefined : codeOf(driverError);
};

export const isTransientInfrastructureError = (e: unknown): boolean => {
  const code = codeOf(e);
  if (code && (code.startsWith('08') || TRANSIENT_SQLSTATES.has(code) || TRANSIENT_NODE_CODES.has(code))) return true;
  const message = e instanceof Error ? e.message : '';
  return TRANSIENT_MESSAGES.some((m) => message.includes(m));
};
