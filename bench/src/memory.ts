import { readdirSync, readFileSync } from 'node:fs';

// Resident memory of the services a benchmark started: they are this process's children
// (libs/testing's startService spawns `node … services/<name>/dist/main.js`), found in /proc so
// that the platform of `npm run up` or another run on the same machine is never measured instead.
export interface ServiceProcessInfo {
  name: string;
  pid: number;
}

const SERVICE_SCRIPT = /services\/([^/]+)\/dist\/main\.js/;

export function childServices(parent = process.pid): ServiceProcessInfo[] {
  const found: ServiceProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of stat is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== parent) continue;
      const name = SERVICE_SCRIPT.exec(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))?.[1];
      if (name) found.push({ name, pid: Number(entry) });
    } catch {
      // The process ended while we looked: not one of ours any more.
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** VmRSS of a process in MB, or NaN when it is gone. */
export function residentMb(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export const residentBy = (services: readonly ServiceProcessInfo[]): Record<string, number> =>
  Object.fromEntries(services.map((s) => [s.name, residentMb(s.pid)]));
