#!/usr/bin/env node
import { Command } from 'commander';
import { registerDlqCommand } from './dlq/dlq.command';
import { registerMigrateCommand } from './migrate/migrate.command';
import { registerRegistryCommand } from './registry/registry.command';
import { registerSeedCommand } from './seed/seed.command';
import { registerTokenCommand } from './token/token.command';
import { registerTopicsCommand } from './topics/topics.command';

const program = new Command().name('ofm').description('OFM Mission Platform operator CLI').showHelpAfterError();

registerTokenCommand(program);
registerMigrateCommand(program);
registerTopicsCommand(program);
registerSeedCommand(program);
registerDlqCommand(program);
registerRegistryCommand(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  process.stderr.write(`ofm: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
