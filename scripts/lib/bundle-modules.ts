// Which modules a packaged function carries, read from its source map: esbuild lists in `sources`
// every module that put code into the bundle (one tree-shaken away is not listed), so this names
// what is deployed, with no rebuild and no guessing from minified text. Used by the benchmark's
// bundle listing (bench/lambda.ts) and test/build/serverless-package.test.ts.

/** Test doubles: the outside systems' simulators and DynamoDB fault injection. */
const TEST_DOUBLE = /^functions\/(adapters\/simulators\/|store\/faults\.ts$)/;

/** The one test double a real stage's bundle may hold: the simulator function hands out codes
 *  for the WeChat simulator and takes their prefixes from it. On a real stage it answers 404
 *  (WECHAT_MODE=simulator is refused there), so the prefixes are all it can carry. */
const ALLOWED_ON_REAL_STAGES: Record<string, readonly string[]> = { simulator: ['functions/adapters/simulators/wechat.ts'] };

/** Repository-relative paths of the modules in a bundle, from its source map's JSON. */
export function bundledModules(sourceMapJson: string): string[] {
  const { sources } = JSON.parse(sourceMapJson) as { sources: string[] };
  // Sources are relative to the map, inside the build folder: drop the climb to the repository.
  return sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
}

export function testDoublesIn(modules: readonly string[]): string[] {
  return modules.filter((module) => TEST_DOUBLE.test(module));
}

/** The test doubles in function `name`'s bundle that a real stage must not carry. */
export function forbiddenOnRealStages(name: string, modules: readonly string[]): string[] {
  const allowed = ALLOWED_ON_REAL_STAGES[name] ?? [];
  return testDoublesIn(modules).filter((module) => !allowed.includes(module));
}
