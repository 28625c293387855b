// The slice of a pino logger this lib writes to, so services pass their own (createLogger from @ofm/platform)
// without this lib depending on it.
export interface MessagingLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const line = (level: string, obj: object, msg?: string): string =>
  JSON.stringify({ level, time: new Date().toISOString(), name: 'ofm-messaging', ...obj, msg });

// Used when no logger is given: warnings and errors only, as JSON lines on stderr.
export const defaultMessagingLogger: MessagingLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (obj, msg) => process.stderr.write(line('warn', obj, msg) + '\n'),
  error: (obj, msg) => process.stderr.write(line('error', obj, msg) + '\n'),
};

export const errorMessage = (e: unknown): string => (e instanceof Error ? e.message : String(e));
