import type { Command } from 'commander';
import { findRepoRoot } from '../repo-root';
import { devKeyFiles, ensureDevKey } from './dev-keys';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEFAULT_TTL, mintDevToken } from './dev-token';
import { ROLES } from './roles';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export const registerTokenCommand = (program: Command): void => {
  program
    .command('token')
    .description('print a JWT signed with the local development key (created in .local/dev-auth/ on first use)')
    .requiredOption('--role <role>', `role to grant, repeatable (${ROLES.join(', ')})`, collect, [])
    .option('--mission <id>', 'mission id (claim mission_id), required for mission-user')
    .option('--sub <subject>', 'subject claim (default dev-<first role>)')
    .option('--ttl <duration>', 'lifetime: 30s, 15m, 1h, 7d', DEFAULT_TTL)
    .option('--issuer <iss>', 'issuer claim', DEFAULT_ISSUER)
    .option('--audience <aud>', 'audience claim', DEFAULT_AUDIENCE)
    .action(
      async (opts: {
        role: string[];
        mission?: string;
        sub?: string;
        ttl: string;
        issuer: string;
        audience: string;
      }) => {
        const key = await ensureDevKey(devKeyFiles(findRepoRoot()));
        const token = await mintDevToken(key, {
          roles: opts.role,
          missionId: opts.mission,
          subject: opts.sub,
          ttl: opts.ttl,
          issuer: opts.issuer,
          audience: opts.audience,
        });
        process.stdout.write(token + '\n');
      },
    );
};
