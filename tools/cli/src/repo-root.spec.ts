import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findRepoRoot } from './repo-root';

describe('findRepoRoot', () => {
  const root = mkdtempSync(join(tmpdir(), 'ofm-root-'));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'repo', workspaces: ['tools/*'] }));
  const pkg = join(root, 'tools', 'cli');
  mkdirSync(join(pkg, 'src'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: '@ofm/cli' }));

  it('walks up past package.json files without workspaces to the one with them', () => {
    expect(findRepoRoot([join(pkg, 'src')])).toBe(root);
  });

  it('tries the next start when the first has no repository above it', () => {
    expect(findRepoRoot([tmpdir(), join(pkg, 'src')])).toBe(root);
  });

  it('says where it looked when there is no repository', () => {
    expect(() => findRepoRoot([tmpdir()])).toThrow(/cannot find the repository root/);
  });
});
