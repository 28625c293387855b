// Exponential backoff: initial, 2×initial, 4×initial… capped at max. `attempt` counts from 1.
export const backoffDelay = (attempt: number, initialMs: number, maxMs: number): number =>
  Math.min(maxMs, initialMs * 2 ** Math.max(0, Math.min(attempt - 1, 30)));
