import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { flagReasonsMarkdown } from './flag-reasons.markdown';

describe('docs/domain/compliance-flags.md', () => {
  it('carries the codes table exactly as FLAG_REASONS renders it', () => {
    const doc = readFileSync(join(__dirname, '../../../docs/domain/compliance-flags.md'), 'utf8');
    expect(doc).toContain(flagReasonsMarkdown());
  });
});
