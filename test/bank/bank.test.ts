// The bank test (Jepsen's bank, TigerBeetle's invariants): seeded concurrent clients move money
// through the real HTTP API while DynamoDB throttles, conflicts, loses replies and is killed with
// -9; consistent snapshots must always show the exact total, and afterwards the ledger must hold
// exactly what the clients were told. `npm run test:bank` runs it alone; `npm run soak` runs
// ≥ 10,000 operations. JINLIN_BANK_SEED=<n> replays a run's plan. Every money request carries a
// second factor (a nonce asked for it, the PIN encrypted); the second factor's own fault cases
// ride along: a nonce replayed under a new key, a nonce asked for another amount or payee, wrong
// PINs raced against the right one. Beside the plan, a partner of the open platform makes, closes
// and refunds orders the plan's customers pay (and those its merchants' static codes made), funds
// its reserve and has its merchants' wallets paid out, and receives its webhooks (open-platform.ts).
//
// Sizes: JINLIN_BANK_OPS, JINLIN_BANK_CLIENTS, JINLIN_BANK_CUSTOMERS, JINLIN_BANK_KILLS,
// JINLIN_BANK_BUDGET_S (stop starting operations after this long), JINLIN_BANK_FAULTS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chooseSeed } from './rng.js';
import { formatReport, runBank } from './run.js';

const soak = process.env.JINLIN_SOAK === '1';
const num = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number, got ${value}`);
  return n;
};

const seed = chooseSeed(process.env.JINLIN_BANK_SEED);
const size = {
  ops: num('JINLIN_BANK_OPS', soak ? 10_000 : 2_000),
  clients: num('JINLIN_BANK_CLIENTS', 16),
  customers: num('JINLIN_BANK_CUSTOMERS', soak ? 32 : 20),
  kills: num('JINLIN_BANK_KILLS', soak ? 3 : 1),
};
const budgetS = num('JINLIN_BANK_BUDGET_S', soak ? 3_600 : 150);
const faults = process.env.JINLIN_BANK_FAULTS || 'throttle:0.05,conflict:0.05,lostReply:0.02';

test(`bank: ${size.ops} operations, seed ${seed}`, { timeout: (budgetS + 600) * 1000 }, async (t) => {
  // Printed first, so a run that dies half-way still names its seed.
  console.log(`[bank] seed ${seed} — reproduce with JINLIN_BANK_SEED=${seed}`);
  t.diagnostic(`seed ${seed}`);
  const report = await runBank({ seed, ...size, faults, budgetMs: budgetS * 1000, log: (line) => console.log(`[bank] ${line}`) });
  const text = formatReport(report);
  console.log(text.split('\n').map((line) => `[bank] ${line}`).join('\n'));
  for (const line of text.split('\n')) t.diagnostic(line);
  assert.deepEqual(report.violations, [], `seed ${seed}: ${report.violations.length} violation(s) — reproduce with JINLIN_BANK_SEED=${seed}`);
  // The run must have been a real one: enough operations, every kind of fault.
  assert.ok(report.executed >= Math.min(size.ops, 500), `only ${report.executed} operations ran (seed ${seed})`);
  for (const kind of ['throttle', 'conflict', 'lostReply']) {
    if (faults.includes(`${kind}:`) && !faults.includes(`${kind}:0,`) && !faults.endsWith(`${kind}:0`)) assert.ok(report.faults[kind]! > 0, `no ${kind} fault was injected`);
  }
  assert.equal(report.kills.length, size.kills);
  // And every second-factor case with it: the races, the replayed nonces refused as used, the
  // nonces for another amount or payee refused as mismatched.
  const sf = report.secondFactor;
  assert.equal(sf.races.run, sf.races.planned, 'not every PIN race ran');
  assert.equal(report.lifecycle.run, report.lifecycle.planned, 'not every account-life scenario ran');
  if (sf.replays.sent >= 5) assert.ok((sf.replays.answers['409 NONCE_USED'] ?? 0) > 0, `no replayed nonce was answered NONCE_USED: ${JSON.stringify(sf.replays.answers)}`);
  if (sf.mismatches.sent >= 5) assert.ok((sf.mismatches.answers['403 NONCE_MISMATCH'] ?? 0) > 0, `no mismatched nonce was answered NONCE_MISMATCH: ${JSON.stringify(sf.mismatches.answers)}`);
  if (report.executed >= 500) assert.ok(sf.replays.sent >= 5 && sf.mismatches.sent >= 5, `too few nonce cases ran: ${sf.replays.sent} replays, ${sf.mismatches.sent} mismatches`);
});
