// The layers of docs/ARCHITECTURE.md, checked on every import: dependency-cruiser applies the
// rules of .dependency-cruiser.cjs, and a cycle between two folders fails as well — including
// folders that no rule names yet. The fixtures show each rule refusing a deliberate violation.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { before, describe, test } from 'node:test';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { repoRoot } from '../../scripts/lib/serverless-config.js';

const options = await extractDepcruiseOptions(join(repoRoot, '.dependency-cruiser.cjs'));
const tsConfigFile = options.tsConfig?.fileName;
assert.ok(tsConfigFile, '.dependency-cruiser.cjs names no tsConfig');
// As the CLI does: the resolver reads the mini-program's path aliases from the parsed tsconfig.
const transpileOptions = { tsConfig: extractTSConfig(tsConfigFile) };

async function cruiseFrom(baseDir: string, roots: string[]): Promise<ICruiseResult> {
  const { output } = await cruise(roots, { ...options, baseDir }, {}, transpileOptions);
  assert.ok(typeof output !== 'string');
  return output;
}

function violations(result: ICruiseResult): string[] {
  return result.summary.violations.map(({ rule, from, to, cycle }) =>
    `${rule.name}: ${from} → ${cycle ? cycle.map(({ name }) => name).join(' → ') : to}`);
}

/** The folder a module counts in: its layer (functions/<folder>; a file directly in functions/, like
 *  config.ts, is one of its own), a capability's folder in functions/domain, or a top folder of the
 *  mini-program. Deeper folders count in these, so a layer may arrange its own subfolders freely. */
const FOLDER = /^(functions\/domain\/[^/]+(?=\/)|functions\/[^/]+|miniprogram\/src\/[^/]+(?=\/))/;
const folderOf = (path: string): string => FOLDER.exec(path)?.[0] ?? dirname(path);

/** Groups of folders that import one another around a loop, each with the imports between them. */
function folderCycles(result: ICruiseResult): { folders: string[]; imports: string[] }[] {
  const imports = result.modules.flatMap(({ source, dependencies }) =>
    dependencies
      .filter(({ dependencyTypes, resolved }) => dependencyTypes.includes('local') && folderOf(source) !== folderOf(resolved))
      .map(({ resolved }) => ({ from: source, to: resolved })));
  const next = new Map<string, Set<string>>();
  for (const { from, to } of imports) next.set(folderOf(from), (next.get(folderOf(from)) ?? new Set()).add(folderOf(to)));
  const reachable = (start: string): Set<string> => {
    const seen = new Set<string>();
    const stack = [start];
    for (let folder = stack.pop(); folder !== undefined; folder = stack.pop()) {
      for (const to of next.get(folder) ?? []) {
        if (!seen.has(to)) {
          seen.add(to);
          stack.push(to);
        }
      }
    }
    return seen;
  };
  const reach = new Map([...next.keys()].map((folder) => [folder, reachable(folder)]));
  const groups = new Map<string, string[]>();
  for (const [folder, reached] of reach) {
    const group = [...reached].filter((other) => other !== folder && reach.get(other)?.has(folder)).concat(folder).sort();
    if (group.length > 1) groups.set(group.join(), group);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([, folders]) => ({
    folders,
    imports: imports
      .filter(({ from, to }) => folders.includes(folderOf(from)) && folders.includes(folderOf(to)))
      .map(({ from, to }) => `${from} → ${to}`),
  }));
}

describe('functions/ and miniprogram/src keep to the layers', () => {
  let result: ICruiseResult;
  before(async () => {
    result = await cruiseFrom(repoRoot, ['functions', 'miniprogram/src']);
  });

  test('no import breaks a rule of .dependency-cruiser.cjs', () => {
    assert.ok(result.summary.totalCruised > 200, `only ${result.summary.totalCruised} modules cruised`);
    const found = violations(result);
    assert.equal(found.length, 0, `${found.length} violations:\n${found.join('\n')}`);
  });

  test('no two folders import each other, directly or around a loop', () => {
    const cycles = folderCycles(result);
    assert.equal(cycles.length, 0, cycles.map(({ folders, imports }) => `${folders.join(' ⇄ ')}:\n  ${imports.join('\n  ')}`).join('\n'));
  });
});

type Outcome = { rules: string[]; folderCycles: string[][] };

describe('each rule refuses its deliberate violation (test/static/fixtures/layers/<rule>)', () => {
  const fixtures = join(repoRoot, 'test/static/fixtures/layers');
  /** Besides one tree per rule: one with every kind of import the layers allow, one with cycles
   *  between folders that no rule names. */
  const expected = new Map<string, Outcome>([
    ['allowed', { rules: [], folderCycles: [] }],
    ['folder-cycle', {
      rules: [],
      folderCycles: [['functions/campaigns', 'functions/partners'], ['functions/domain/loan', 'functions/domain/wealth']],
    }],
    ...(options.ruleSet?.forbidden ?? []).map(({ name = '' }): [string, Outcome] => [name, { rules: [name], folderCycles: [] }]),
  ]);

  test('every rule has a fixture, and every fixture a rule', () => {
    assert.deepEqual(readdirSync(fixtures).sort(), [...expected.keys()].sort());
  });

  for (const [name, want] of expected) {
    test(name, async () => {
      const result = await cruiseFrom(join(fixtures, name), ['.']);
      const outcome: Outcome = {
        rules: [...new Set(result.summary.violations.map(({ rule }) => rule.name))],
        folderCycles: folderCycles(result).map(({ folders }) => folders),
      };
      assert.deepEqual(outcome, want, violations(result).join('\n'));
    });
  }
});
