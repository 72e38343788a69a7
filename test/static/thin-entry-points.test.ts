// Routes and jobs stay thin (docs/ARCHITECTURE.md): no loop, no retry and no ledger call in any
// file under functions/http/ or functions/jobs/ — workflows live in services. Read with the
// TypeScript parser, so a loop is a loop whatever its formatting.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import ts from 'typescript';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

const LOOPS = new Set([ts.SyntaxKind.ForStatement, ts.SyntaxKind.ForInStatement, ts.SyntaxKind.ForOfStatement, ts.SyntaxKind.WhileStatement, ts.SyntaxKind.DoStatement]);
/** Calls that are workflows, not routing: retries and the ledger's reads and writes. */
const WORKFLOW_CALLS = /^(retry|withContentionRetry|postJournal|getJournal|journalTransaction)$/;
/** Iterating methods that hide a loop in a callback: mapping a view is fine, anything that awaits inside is not. */
const AWAITING_ITERATION = /^(forEach|map|reduce|some|every|filter)$/;

/** What in `source` makes it more than parse → one service call → view. */
export function workflowIn(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const where = (node: ts.Node) => `${fileName}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (LOOPS.has(node.kind)) found.push(`${where(node)} loop`);
    if (ts.isCallExpression(node)) {
      const callee = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : ts.isIdentifier(node.expression) ? node.expression.text : '';
      if (WORKFLOW_CALLS.test(callee)) found.push(`${where(node)} ${callee}()`);
      const callback = node.arguments[0];
      if (AWAITING_ITERATION.test(callee) && callback && (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) && callback.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword)) {
        found.push(`${where(node)} async ${callee}()`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const entryPointFiles = ['functions/http', 'functions/jobs'].flatMap((folder) =>
  readdirSync(`${repoRoot}/${folder}`).filter((name) => name.endsWith('.ts')).map((name) => `${folder}/${name}`),
);

test('no route or job holds a loop, a retry or a ledger call', () => {
  assert.ok(entryPointFiles.length >= 10, `found only ${entryPointFiles.join(', ')}`);
  const found = entryPointFiles.flatMap((path) => workflowIn(path, readFileSync(`${repoRoot}/${path}`, 'utf8')));
  assert.deepEqual(found, []);
});

test('the check finds each kind of workflow it forbids', () => {
  const cases: [string, string][] = [
    ['for (let i = 0; i < 3; i++) await send();', 'loop'],
    ['for (const x of xs) handle(x);', 'loop'],
    ['while (more) more = await next();', 'loop'],
    ['do { n++; } while (n < 3);', 'loop'],
    ['await retry(POLICY, () => send());', 'retry()'],
    ['await postJournal(journal);', 'postJournal()'],
    ['await ledger.getJournal(id);', 'getJournal()'],
    ['await Promise.all(ids.map(async (id) => load(id)));', 'async map()'],
  ];
  for (const [source, kind] of cases) {
    const found = workflowIn('case.ts', source);
    assert.equal(found.length, 1, `${source} → ${found.join(', ')}`);
    assert.ok(found[0]!.endsWith(kind), `${source} → ${found[0]}`);
  }
  assert.deepEqual(workflowIn('view.ts', 'return items.map((item) => view(item));'), []);
});
