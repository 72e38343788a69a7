// What the figures were measured on.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  nproc: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  date: string;
  loadAverageAtStart: string;
  java: string;
  chromium: string;
}

/** First line a tool prints about its version (java prints it to stderr). */
function versionOf(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 20_000 });
  if (result.error) return 'not found';
  return `${result.stdout}\n${result.stderr}`.split('\n').map((line) => line.trim()).find((line) => /\d+\.\d+/.test(line)) ?? 'unknown';
}

export function describeMachine(): Machine {
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim()) || nproc;
  } catch {
    // keep os.cpus()
  }
  return {
    nproc,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((l) => l.toFixed(2)).join(' / '),
    java: versionOf('java', ['-version']),
    chromium: versionOf(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version']),
  };
}
