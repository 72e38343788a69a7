// Which modules a packaged function carries, read from its source map: esbuild lists in `sources`
// every module that put code into the bundle (one tree-shaken away is not listed), so this names
// what is deployed, with no rebuild and no guessing from minified text. Used by the benchmark's
// bundle listing (bench/lambda.ts) and test/build/serverless-package.test.ts.

/** Test doubles: the outside systems' simulators and DynamoDB fault injection. */
const TEST_DOUBLE = /^functions\/(adapters\/simulators\/|store\/faults\.ts$)/;

/** Repository-relative paths of the modules in a bundle, from its source map's JSON. */
export function bundledModules(sourceMapJson: string): string[] {
  const { sources } = JSON.parse(sourceMapJson) as { sources: string[] };
  // Sources are relative to the map, inside the build folder: drop the climb to the repository.
  return sources.map((source) => source.replace(/^(\.\.\/)+/, ''));
}

export function testDoublesIn(modules: readonly string[]): string[] {
  return modules.filter((module) => TEST_DOUBLE.test(module));
}
