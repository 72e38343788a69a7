// Layer rules for functions/ and the mini-program (docs/ARCHITECTURE.md). Enforced by
// test/static/layers.test.ts; `npm run lint:layers` prints the same report.
// Paths are relative to the cruise's baseDir (the repo root), so the fixture test can run these
// rules on its own small tree.
const path = require('node:path');

// Unanchored: seen from a fixture's baseDir, the repo's node_modules is a few `../` up.
const NODE_MODULES = '(^|/)node_modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Domain rules are pure functions of their inputs: no I/O, configuration or runtime, so they can be property-tested alone (node:net only for its pure address arithmetic, isIP and BlockList).',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { pathNot: ['^functions/domain/', `${NODE_MODULES}(zod|decimal\\.js|dayjs)/`, '^crypto$', '^net$'] },
    },
    {
      name: 'contract-is-declarative',
      comment: 'Every Lambda imports the contract and the mini-program its types: it holds schemas, reaching domain only for enumerations.',
      severity: 'error',
      from: { path: '^functions/contract/' },
      to: { pathNot: ['^functions/(contract|domain)/', `${NODE_MODULES}zod/`] },
    },
    {
      name: 'platform-knows-no-layer',
      comment: 'Runtime helpers (logging, retries) serve every layer, so they may not depend on any of them.',
      severity: 'error',
      from: { path: '^functions/platform/' },
      to: { path: '^functions/(domain|contract|store|adapters|services|http|jobs)/' },
    },
    {
      name: 'store-below-services',
      comment: 'The store only persists; workflows and outside systems are composed above it, in services.',
      severity: 'error',
      from: { path: '^functions/store/' },
      to: { path: '^functions/(services|http|jobs|adapters)/' },
    },
    {
      name: 'adapters-are-leaves',
      comment: 'An adapter speaks to one outside system; what to store about the exchange is the calling service\'s decision.',
      severity: 'error',
      from: { path: '^functions/adapters/' },
      to: { path: '^functions/(store|services|http|jobs)/' },
    },
    {
      name: 'services-below-entry-points',
      comment: 'Routes and jobs call services; a service that reached back into one would tie a workflow to one entry point.',
      severity: 'error',
      from: { path: '^functions/services/' },
      to: { path: '^functions/(http|jobs)/' },
    },
    {
      name: 'http-not-to-jobs',
      comment: 'A route that needs a job\'s work calls the service the job calls (the day close is triggered through its service).',
      severity: 'error',
      from: { path: '^functions/http/' },
      to: { path: '^functions/jobs/' },
    },
    {
      name: 'jobs-not-to-http',
      comment: 'A job shares workflows with routes through services, never by importing a route module.',
      severity: 'error',
      from: { path: '^functions/jobs/' },
      to: { path: '^functions/http/' },
    },
    {
      name: 'entry-points-through-services',
      comment: 'Routes and jobs parse, authorize and call a service; they may name store and adapter types in views, never call them.',
      severity: 'error',
      from: { path: '^functions/(http|jobs)/' },
      to: { path: '^functions/(store|adapters)/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'miniprogram-only-contract',
      comment: 'The mini-program shares the server\'s contract and nothing else of functions/.',
      severity: 'error',
      from: { path: '^miniprogram/src/' },
      to: { path: '^functions/', pathNot: '^functions/contract/' },
    },
    {
      name: 'miniprogram-contract-types-only',
      comment: 'A value import would bundle zod and the schemas into the mini-program; it checks answers by type only.',
      severity: 'error',
      from: { path: '^miniprogram/src/' },
      to: { path: '^functions/contract/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular',
      comment: 'A module cycle makes load order matter and the modules impossible to understand or test one at a time.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      comment: 'An import the cruiser cannot resolve escapes every rule above.',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: NODE_MODULES },
    // Type-only imports are seen (and marked type-only) only when read before compilation.
    tsPreCompilationDeps: true,
    // Resolves the mini-program's `@/` and `@contract/` aliases; that file says why it is not
    // miniprogram/tsconfig.json itself. Absolute, so the test finds it from any working directory.
    tsConfig: { fileName: path.join(__dirname, '.dependency-cruiser.tsconfig.json') },
    // Subpath imports such as @aws-lambda-powertools/logger/middleware exist only in `exports`.
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    // Runs only the analyses a rule asks for (here: cycles).
    skipAnalysisNotInRules: true,
  },
};
