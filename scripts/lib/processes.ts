// Child processes with prefixed, line-buffered logs, each in its own process group so that
// stopping one stops everything it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLOURS = [36, 35, 33, 32, 34];
let nextColour = 0;

export function prefixLines(child: ChildProcess, name: string): void {
  const colour = COLOURS[nextColour++ % COLOURS.length];
  const tag = process.stdout.isTTY ? `\x1b[${colour}m[${name}]\x1b[0m` : `[${name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim()) process.stdout.write(`${tag} ${line}\n`);
    });
  }
}

export interface Service {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startService(
  name: string,
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; onQuietLine?: (line: string) => void } = {},
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (options.quiet) {
    for (const stream of [child.stdout, child.stderr]) {
      if (options.onQuietLine) createInterface({ input: stream }).on('line', options.onQuietLine);
      else stream.resume();
    }
  } else {
    prefixLines(child, name);
  }
  return { name, child, stop: () => stopGroup(child) };
}

/** SIGTERM to the child's whole process group, SIGKILL if it lingers. */
export function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) return resolve();
    child.once('exit', () => resolve());
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
    };
    signalGroup('SIGTERM');
    setTimeout(() => signalGroup('SIGKILL'), graceMs).unref();
  });
}

/** Polls `url` until it answers (any HTTP status) or the time runs out. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
