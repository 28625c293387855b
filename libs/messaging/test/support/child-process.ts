import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

// Fixtures run under the same Node 24 as jest (process.execPath), straight from their .mts source (Node
// strips the types) against the built dist/, like a deployed service would.
export interface Child {
  process: ChildProcess;
  output: string[];
  /** Resolves with the first stdout line that matches. */
  line(match: RegExp, timeoutMs?: number): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

export const spawnFixture = (fixture: string, env: Record<string, string>): Child => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major < 23 || (major === 23 && minor < 6)) {
    throw new Error(
      `fixtures run .mts files directly and need Node >= 23.6 (type stripping); jest runs on ${process.version}: use npx`,
    );
  }
  const child = spawn(
    process.execPath,
    ['--disable-warning=ExperimentalWarning', join(__dirname, '..', 'fixtures', fixture)],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const output: string[] = [];
  const waiters: { match: RegExp; resolve: (l: string) => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const l of chunk.toString('utf8').split('\n').filter(Boolean)) {
      output.push(l);
      for (const w of [...waiters]) {
        if (w.match.test(l)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(l);
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = once(child, 'exit');
  return {
    process: child,
    output,
    line(match, timeoutMs = 60_000) {
      const seen = output.find((l) => match.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${fixture}: no line ${match} within ${timeoutMs} ms; output:\n${output.join('\n')}`)),
          timeoutMs,
        );
        waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
        void exited.then(() => {
          clearTimeout(timer);
          reject(
            new Error(
              `${fixture} exited (${child.exitCode ?? child.signalCode}) before ${match}; output:\n${output.join('\n')}`,
            ),
          );
        });
      });
    },
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
};
