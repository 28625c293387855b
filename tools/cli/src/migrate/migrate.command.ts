import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { findRepoRoot } from '../repo-root';
import { MIGRATED_SERVICES, migrationTargets, type MigrationTarget } from './migration-targets';

export const registerMigrateCommand = (program: Command): void => {
  program
    .command('migrate')
    .description('apply the database migrations of each service (each with its own DATABASE_URL)')
    .option('--service <name>', `only this service (${MIGRATED_SERVICES.join(', ')})`)
    .action(async (opts: { service?: string }) => {
      const root = findRepoRoot();
      for (const target of migrationTargets(root, opts.service)) {
        await runMigrate(root, target);
      }
    });
};

// Migrations run as their own step, never at service start (N replicas would race).
const runMigrate = (cwd: string, target: MigrationTarget): Promise<void> =>
  new Promise((resolve, reject) => {
    if (!existsSync(target.script)) {
      reject(new Error(`${target.script} not found: build @ofm/${target.service} first (npm run build)`));
      return;
    }
    process.stdout.write(`== ${target.service}: migrating ${maskPassword(target.databaseUrl)}\n`);
    const child = spawn(process.execPath, [target.script], {
      cwd,
      env: { ...process.env, DATABASE_URL: target.databaseUrl },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${target.service} migrations failed (${signal ?? `exit ${code}`})`));
    });
  });

const maskPassword = (url: string): string => url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
