// Everything the benchmark starts registers how to stop it here; `runCleanups` stops it all in
// reverse order, on success, on failure and on Ctrl-C, so no server or Java process outlives a run.
type Cleanup = { name: string; run: () => Promise<void> | void };

const cleanups: Cleanup[] = [];

export function onCleanup(name: string, run: Cleanup['run']): () => Promise<void> {
  const entry = { name, run };
  cleanups.push(entry);
  return async () => {
    const index = cleanups.indexOf(entry);
    if (index >= 0) cleanups.splice(index, 1);
    await run();
  };
}

export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const entry = cleanups.pop()!;
    try {
      await entry.run();
    } catch (error) {
      console.error(`[bench] stopping ${entry.name} failed:`, error);
    }
  }
}

let installed = false;

export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping everything this run started`);
      void runCleanups().finally(() => process.exit(130));
    });
  }
}
