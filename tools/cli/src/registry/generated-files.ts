import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICES, type ServiceEntry } from '@ofm/registry';
import { composeYaml } from './compose';
import { databasesSql } from './databases-sql';
import { withHelmServices } from './helm-values';
import { withWhatRunsWhere } from './readme-table';

// The checked-in files made from the registry. `ofm registry generate` writes them; a unit test
// (generated-files.spec.ts) fails when one differs from what the registry makes of it.
export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  /** The file's content from the registry, given what it holds now (a file may be generated in part). */
  render(current: string, services: readonly ServiceEntry[]): string;
}

export const GENERATED_FILES: readonly GeneratedFile[] = [
  { path: 'deploy/local/databases.sql', render: (_current, services) => databasesSql(services) },
  { path: 'deploy/compose.yaml', render: (_current, services) => composeYaml(services) },
  { path: 'README.md', render: (current, services) => withWhatRunsWhere(current, services) },
  { path: 'helm/ofm-platform/values.yaml', render: (current, services) => withHelmServices(current, services) },
];

export interface GeneratedFileState {
  path: string;
  upToDate: boolean;
  expected: string;
}

export const checkGeneratedFiles = (root: string, services: readonly ServiceEntry[] = SERVICES): GeneratedFileState[] =>
  GENERATED_FILES.map((file) => {
    const full = join(root, file.path);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : '';
    const expected = file.render(current, services);
    return { path: file.path, upToDate: current === expected, expected };
  });

/** Writes the files that differ; returns their paths. */
export const writeGeneratedFiles = (root: string, services: readonly ServiceEntry[] = SERVICES): string[] =>
  checkGeneratedFiles(root, services)
    .filter((f) => !f.upToDate)
    .map((f) => {
      writeFileSync(join(root, f.path), f.expected);
      return f.path;
    });
