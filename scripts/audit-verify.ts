// `npm run audit:verify`: verifies the audit log's MAC chain, its head and the newest anchor, prints
// the verdict and exits 1 when the chain is broken. `-- --export <file>` also writes the log as
// JSON lines (one entry a line, in sequence order).
//
// By default it reads what `npm start` runs: DynamoDB Local at JINLIN_DYNAMODB_ENDPOINT
// (http://127.0.0.1:8000), table JINLIN_TABLE_NAME (jinlin-local), the local stage's key from
// serverless.yml, anchors in JINLIN_AUDIT_ANCHOR_DIR (.data/dynamodb/audit-anchors). With
// TABLE_NAME already in the environment it reads the environment as a function would (on AWS:
// TABLE_NAME, SECRETS_PARAMETER, AUDIT_ANCHOR_MODE=real, AUDIT_ANCHOR_BUCKET, AWS_REGION, under a
// role that may read the table, the secrets parameter and the bucket).
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { resetConfigForTests } from '../functions/config.js';
import { resetSecretsForTests } from '../functions/secrets.js';
import { exportAudit, verifyAudit } from '../functions/services/audit.js';
import { localSecretsEnv, repoRoot } from './lib/serverless-config.js';

function useLocalStackUnlessConfigured(): void {
  if (process.env.TABLE_NAME) return;
  Object.assign(process.env, {
    STAGE: 'local',
    TABLE_NAME: process.env.JINLIN_TABLE_NAME ?? 'jinlin-local',
    DYNAMODB_ENDPOINT: process.env.JINLIN_DYNAMODB_ENDPOINT ?? 'http://127.0.0.1:8000',
    AUDIT_ANCHOR_MODE: 'simulator',
    // scripts/start.ts keeps DynamoDB Local's data in .data/dynamodb; local-stack.ts the anchors beside it.
    AUDIT_ANCHOR_DIR: process.env.JINLIN_AUDIT_ANCHOR_DIR ?? `${repoRoot}/.data/dynamodb/audit-anchors`,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'CRITICAL',
    ...localSecretsEnv(),
  });
  resetConfigForTests();
  resetSecretsForTests();
}

async function writeExport(file: string): Promise<number> {
  const out = createWriteStream(file, { flags: 'wx' });
  let lines = 0;
  for await (const line of exportAudit()) {
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    lines++;
  }
  out.end();
  await once(out, 'finish');
  return lines;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const exportAt = args.indexOf('--export');
  const exportFile = exportAt >= 0 ? args[exportAt + 1] : undefined;
  if (exportAt >= 0 && !exportFile) {
    console.error('usage: npm run audit:verify [-- --export <file.jsonl>]');
    return 2;
  }
  useLocalStackUnlessConfigured();
  console.log(`[audit] table ${process.env.TABLE_NAME}`);
  if (exportFile) console.log(`[audit] exported ${await writeExport(exportFile)} entries to ${exportFile}`);
  const verdict = await verifyAudit();
  const anchor = verdict.anchor ? `anchored at entry ${verdict.anchor.seq} on ${verdict.anchor.at}` : 'no anchor yet (none before the first day close)';
  if (verdict.ok) {
    console.log(`[audit] OK: ${verdict.entries} entries, chain intact through entry ${verdict.last.seq}; ${anchor}`);
    return 0;
  }
  console.error(`[audit] BROKEN (${verdict.problem.kind} at entry ${verdict.problem.seq}): ${verdict.message}; ${anchor}`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[audit] could not verify: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
