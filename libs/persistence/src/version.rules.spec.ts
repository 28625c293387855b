import { DomainError } from '@ofm/platform';
import { expectVersion } from './version.rules';

describe('expectVersion', () => {
  it('passes when the expected version is the current one', () => {
    expect(() => expectVersion(3, 3)).not.toThrow();
  });

  it.each([undefined, 0])('skips the check when no version is given (%p)', (expected) => {
    expect(() => expectVersion(3, expected)).not.toThrow();
  });

  it('throws a conflict naming both versions when they differ', () => {
    let raised: unknown;
    try {
      expectVersion(4, 3);
    } catch (error) {
      raised = error;
    }
    expect(raised).toBeInstanceOf(DomainError);
    expect(raised).toMatchObject({
      kind: 'conflict',
      detail: 'Version mismatch: expected version 3, but the current version is 4',
    });
  });
});
