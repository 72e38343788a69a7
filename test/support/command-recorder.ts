// Records the DynamoDB commands this process sends (their names and tables), for tests that hold a
// route to what it may send — e.g. that no console route Scans the table. Installed on the
// document client db() returns, as a middleware on its stack, and removed after.
import { db } from '../../functions/store/client.js';

export interface RecordedCommand {
  command: string;
  table: string | undefined;
}

/** Runs `work`, returning what it answered and every DynamoDB command sent meanwhile. */
export async function recordCommands<T>(work: () => Promise<T>): Promise<{ result: T; commands: RecordedCommand[] }> {
  const commands: RecordedCommand[] = [];
  const { doc } = db();
  const name = `record-commands-${Math.random().toString(36).slice(2)}`;
  doc.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TableName?: string };
      commands.push({ command: String(context.commandName ?? 'Unknown'), table: input.TableName });
      return next(args);
    },
    { step: 'initialize', name },
  );
  try {
    return { result: await work(), commands };
  } finally {
    doc.middlewareStack.remove(name);
  }
}
