import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { publicApiService } from '@ofm/registry';
import type { Command } from 'commander';
import { findRepoRoot } from '../repo-root';
import { devKeyFiles, ensureDevKey } from '../token/dev-keys';
import { mintDevToken } from '../token/dev-token';
import { parseCsvRecords } from './csv';
import { demoMembersFor } from './demo-members';
import { GatewayClient, GatewayError } from './gateway-client';
import {
  dedupeMissions,
  DEMO_EMBASSY_COUNTRIES,
  mapMissionRow,
  selectMissions,
  type MissionMapping,
  type MissionRow,
} from './mission-mapping';

export const MISSIONS_CSV = join(__dirname, '..', '..', 'data', 'foreign-missions-us.csv');
const DEFAULT_COUNT = 60;

interface Mission {
  id: string;
  name: string;
  country: string;
  type: string;
}
interface Member {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  status: string;
}

interface Summary {
  missionsCreated: number;
  missionsExisting: number;
  rowsSkipped: string[];
  membersCreated: number;
  membersExisting: number;
  accredited: number;
  refused: string[];
}

export const registerSeedCommand = (program: Command): void => {
  program
    .command('seed')
    .description(
      'load demo missions (real foreign missions, data/foreign-missions-us.csv) and accredited demo staff through the gateway',
    )
    .option('--gateway <url>', 'gateway base URL', `http://localhost:${publicApiService().httpPort}`)
    .option('--all', 'every usable row of the CSV instead of ~60 missions')
    .option('--count <n>', 'how many missions without --all', String(DEFAULT_COUNT))
    .action(async (opts: { gateway: string; all?: boolean; count: string }) => {
      const key = await ensureDevKey(devKeyFiles(findRepoRoot()));
      const token = await mintDevToken(key, { roles: ['ofm-admin'], subject: 'ofm-seed', ttl: '1h' });
      const summary = await seed(new GatewayClient(opts.gateway, token), {
        all: opts.all === true,
        count: Number(opts.count),
      });
      printSummary(summary);
    });
};

export const loadMissionMappings = (csvText: string = readFileSync(MISSIONS_CSV, 'utf8')): MissionMapping[] =>
  dedupeMissions(parseCsvRecords(csvText).map((r) => mapMissionRow(r as unknown as MissionRow)));

const seed = async (api: GatewayClient, opts: { all: boolean; count: number }): Promise<Summary> => {
  const summary: Summary = {
    missionsCreated: 0,
    missionsExisting: 0,
    rowsSkipped: [],
    membersCreated: 0,
    membersExisting: 0,
    accredited: 0,
    refused: [],
  };
  const mappings = loadMissionMappings();
  const usable = mappings.filter((m): m is Extract<MissionMapping, { ok: true }> => m.ok);
  for (const m of mappings) if (!m.ok) summary.rowsSkipped.push(`${m.wikidata}: ${m.reason}`);
  const chosen = opts.all ? usable : selectMissions(usable, opts.count);

  // Look up first, and send an Idempotency-Key derived from the Wikidata id as well: a re-run
  // finds what exists, and a retried request after a lost answer never registers a mission twice.
  const existing = new Map((await api.listAll<Mission>('/api/v1/missions')).map((m) => [`${m.country}|${m.name}`, m]));
  const missionByCountry = new Map<string, Mission>();
  for (const m of chosen) {
    let mission = existing.get(`${m.request.country}|${m.request.name}`);
    if (mission) {
      summary.missionsExisting++;
    } else {
      mission = await api.request<Mission>('POST', '/api/v1/missions', m.request, `seed-mission-${m.wikidata}`);
      summary.missionsCreated++;
    }
    if (m.request.type === 'embassy') missionByCountry.set(m.request.country, mission);
  }

  for (const country of DEMO_EMBASSY_COUNTRIES) {
    const embassy = missionByCountry.get(country);
    if (embassy) await seedMembers(api, embassy, country, summary);
  }
  return summary;
};

const seedMembers = async (api: GatewayClient, embassy: Mission, country: string, summary: Summary): Promise<void> => {
  const existing = await api.listAll<Member>('/api/v1/members', { missionId: embassy.id });
  const bySlot = new Map<string, Member>();
  for (const plan of demoMembersFor(country, embassy.id)) {
    const b = plan.body as { givenName: string; familyName: string; dateOfBirth: string; arrivalDate: string };
    let member = existing.find(
      (e) => e.givenName === b.givenName && e.familyName === b.familyName && e.dateOfBirth === b.dateOfBirth,
    );
    if (member) {
      summary.membersExisting++;
    } else {
      const principal = plan.principalSlot ? bySlot.get(plan.principalSlot) : undefined;
      if (plan.principalSlot && principal?.status !== 'accredited') {
        summary.refused.push(
          `${b.givenName} ${b.familyName} (${embassy.name}): principal not accredited, dependent not notified`,
        );
        continue;
      }
      const body = principal ? { ...plan.body, principalId: principal.id } : plan.body;
      // The arrival date moves with the day of the run, so it is part of the key.
      member = await api.request<Member>(
        'POST',
        '/api/v1/members',
        body,
        `seed-member-${embassy.id}-${plan.slot}-${b.arrivalDate}`,
      );
      summary.membersCreated++;
    }
    if (member.status === 'notified') member = await accredit(api, member, embassy, summary);
    bySlot.set(plan.slot, member);
  }
};

const accredit = async (api: GatewayClient, member: Member, embassy: Mission, summary: Summary): Promise<Member> => {
  try {
    const accredited = await api.request<Member>(
      'POST',
      `/api/v1/members/${member.id}/accreditation`,
      { decision: 'accredit' },
      `seed-accredit-${member.id}`,
    );
    summary.accredited++;
    return accredited;
  } catch (e) {
    if (!(e instanceof GatewayError) || e.problem.status !== 422) throw e;
    summary.refused.push(`${member.givenName} ${member.familyName} (${embassy.name}): ${e.message}`);
    return { ...member, status: 'refused' };
  }
};

const printSummary = (s: Summary): void => {
  const lines = [
    `missions: ${s.missionsCreated} registered, ${s.missionsExisting} already there`,
    `members:  ${s.membersCreated} notified, ${s.membersExisting} already there, ${s.accredited} accredited`,
    `CSV rows without a usable mapping: ${s.rowsSkipped.length}`,
    ...s.rowsSkipped.map((r) => `  - ${r}`),
    ...(s.refused.length ? ['not accredited:', ...s.refused.map((r) => `  - ${r}`)] : []),
  ];
  process.stdout.write(lines.join('\n') + '\n');
};
