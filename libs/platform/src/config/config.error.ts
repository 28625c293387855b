// Thrown by loadConfig; the message names every bad or missing variable so that an operator can fix
// the deployment from the one log line the service prints before it exits.
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}
