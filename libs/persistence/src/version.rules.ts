import { conflict } from '@ofm/platform';

// Optimistic concurrency: the caller says which version it read (If-Match / version field); 0 or
// undefined (proto3's default) means "not given" and skips the check.
export const expectVersion = (current: number, expected: number | undefined): void => {
  if (expected === undefined || expected === null || expected === 0) return;
  if (current !== expected) {
    throw conflict(`Version mismatch: expected version ${expected}, but the current version is ${current}`);
  }
};
