import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

// The repository root is the nearest package.json that declares workspaces, searched upwards from
// the working directory first (the operator's checkout) and then from this file (a global `npx ofm`).
export const findRepoRoot = (starts: readonly string[] = [process.cwd(), __dirname]): string => {
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      if (hasWorkspaces(join(dir, 'package.json'))) return dir;
      const parent = dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error('cannot find the repository root (a package.json with "workspaces") above ' + starts.join(' or '));
};

const hasWorkspaces = (file: string): boolean => {
  if (!existsSync(file)) return false;
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as { workspaces?: unknown };
    return pkg.workspaces !== undefined;
  } catch {
    return false;
  }
};
