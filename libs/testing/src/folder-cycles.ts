import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

// Folders of a service's src show its design only if their dependencies run one way: a cycle between
// two folders (vehicle ↔ insurance) means neither can be read, moved or extracted without the other.

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

const tsFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });

/** The top-level folders of `srcDir` and, for each, the other top-level folders its files import. */
export const folderGraph = (srcDir: string): Map<string, Set<string>> => {
  const root = resolve(srcDir);
  const folders = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
  const graph = new Map(folders.map((folder) => [folder, new Set<string>()]));
  for (const folder of folders) {
    for (const file of tsFiles(join(root, folder))) {
      for (const [, specifier] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        if (!specifier!.startsWith('.')) continue;
        const target = relative(root, resolve(dirname(file), specifier!)).split(sep)[0]!;
        if (target !== folder && graph.has(target)) graph.get(folder)!.add(target);
      }
    }
  }
  return graph;
};

/** Every cycle between folders (strongly connected components of more than one folder), sorted. */
export const folderCycles = (srcDir: string): string[][] => {
  const graph = folderGraph(srcDir);
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return cycles.sort((a, b) => a[0]!.localeCompare(b[0]!));
};
