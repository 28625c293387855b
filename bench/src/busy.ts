import { readdirSync, readFileSync } from 'node:fs';
import { round } from './stats';

// Which processes were busy during a measurement: CPU seconds (user + system) of each process from
// /proc/<pid>/stat between two snapshots, grouped by what the process is, plus the machine's total
// from /proc/stat. What the groups do not explain (other engineers' tests, the `npm run up`
// platform) is the "everything else" row, so a disturbed run says so.

/** Linux's USER_HZ: the unit of the times in /proc, 100 on every architecture Node supports. */
const TICKS_PER_SECOND = 100;

interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
  cmdline: string;
  ticks: number;
}

/** A named kind of process; a process counts in the first group whose test it passes. */
export interface ProcessGroup {
  name: string;
  matches(p: Omit<ProcessInfo, 'ticks'>): boolean;
}

const readProcess = (pid: number): ProcessInfo | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // comm is in parentheses and may itself hold spaces or parentheses: the fields follow the last ')'.
    const close = stat.lastIndexOf(')');
    const comm = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    // fields[0] is field 3 (state): ppid is field 4, utime 14 and stime 15.
    return { pid, ppid: Number(fields[1]), comm, cmdline, ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined; // gone between readdir and read
  }
};

const processes = (): ProcessInfo[] =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProcess(Number(d)))
    .filter((p): p is ProcessInfo => p !== undefined);

/** Busy ticks of the whole machine (every core): all of /proc/stat's cpu line but idle and iowait. */
const machineTicks = (): number => {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
  return user! + nice! + system! + irq! + softirq! + steal!;
};

export type BusyReport = Record<string, number>;

/** Starts counting; the returned function stops and gives CPU seconds per group, busiest first. */
export function measureBusy(groups: readonly ProcessGroup[]): () => BusyReport {
  const startTicks = new Map(processes().map((p) => [p.pid, p.ticks]));
  const startMachine = machineTicks();
  return () => {
    const perGroup = new Map<string, number>(groups.map((g) => [g.name, 0]));
    for (const p of processes()) {
      const group = groups.find((g) => g.matches(p));
      // A process born during the measurement counts from zero; one that ended is lost (short-lived).
      if (group) perGroup.set(group.name, perGroup.get(group.name)! + p.ticks - (startTicks.get(p.pid) ?? 0));
    }
    const machine = machineTicks() - startMachine;
    const explained = [...perGroup.values()].reduce((a, b) => a + b, 0);
    perGroup.set('everything else (other processes, kernel)', Math.max(0, machine - explained));
    const report: BusyReport = { 'machine total': round(machine / TICKS_PER_SECOND, 1) };
    for (const [name, ticks] of [...perGroup].sort((a, b) => b[1] - a[1])) {
      report[name] = round(ticks / TICKS_PER_SECOND, 1);
    }
    return report;
  };
}

/** The groups of a benchmark of the test platform that this process started. */
export const platformGroups = (options: {
  services: readonly string[];
  databases: readonly string[];
}): ProcessGroup[] => [
  { name: 'bench harness (node)', matches: (p) => p.pid === process.pid },
  { name: 'wrk', matches: (p) => p.ppid === process.pid && p.comm === 'wrk' },
  {
    name: 'baseline (bare Fastify + pg)',
    matches: (p) => p.ppid === process.pid && p.cmdline.includes('bare-member-server'),
  },
  ...options.services.map((name) => ({
    name,
    matches: (p: Omit<ProcessInfo, 'ticks'>) =>
      p.ppid === process.pid && p.cmdline.includes(`services/${name}/dist/main.js`),
  })),
  {
    // A backend's title names its database: "postgres: ofm_test bench_x_accreditation_… 127.0.0.1(…) idle".
    name: 'PostgreSQL (backends of the bench databases)',
    matches: (p) => p.comm === 'postgres' && options.databases.some((db) => p.cmdline.includes(` ${db} `)),
  },
  { name: 'PostgreSQL (other: server processes, other databases)', matches: (p) => p.comm === 'postgres' },
  { name: 'Kafka', matches: (p) => p.comm === 'java' && p.cmdline.includes('kafka.Kafka') },
  {
    name: 'other Node processes (other tests, `npm run up`)',
    matches: (p) => p.comm === 'node' || p.cmdline.startsWith('node ') || p.cmdline.includes('/bin/node '),
  },
];
