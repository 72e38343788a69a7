// The outside systems' simulators, in the builds that carry them. serverless.yml's esbuild
// `define` sets __JINLIN_TEST_DOUBLES__ per stage (true for the local stage only): where it is
// false each loader below is `undefined`, esbuild never follows its import, and no simulator code
// is in the bundle (bench/lambda.ts and test/build/serverless-package.test.ts check the packages).
// Unbundled (tsx: tests, scripts) it is not defined and the simulators are there.
declare const __JINLIN_TEST_DOUBLES__: boolean | undefined;
// Tested here, not imported from config.ts: esbuild folds a constant only inside its own module,
// and only a folded condition drops the imports.
const bundled = typeof __JINLIN_TEST_DOUBLES__ === 'undefined' || __JINLIN_TEST_DOUBLES__;

// One loader per simulator, so that a function bundles only the simulators it can call.
export const cardGatewaySimulator = bundled ? () => import('./simulators/card-gateway.js') : undefined;
export const creditBureauSimulator = bundled ? () => import('./simulators/credit-bureau.js') : undefined;
export const wechatSimulator = bundled ? () => import('./simulators/wechat.js') : undefined;
export const wechatCodesSimulator = bundled ? () => import('./simulators/wechat-codes.js') : undefined;
export const billerGatewaySimulator = bundled ? () => import('./simulators/biller-gateway.js') : undefined;
export const smsGatewaySimulator = bundled ? () => import('./simulators/sms.js') : undefined;
export const settlementGatewaySimulator = bundled ? () => import('./simulators/settlement-gateway.js') : undefined;
export const authenticatorSimulator = bundled ? () => import('./simulators/authenticator.js') : undefined;
export const auditAnchorSimulator = bundled ? () => import('./simulators/audit-anchor.js') : undefined;
export const dayCloseTriggerSimulator = bundled ? () => import('./simulators/day-close-trigger.js') : undefined;

/** The adapter a factory returns in simulator mode: each method imports the simulator on the
 *  first call (the factories are synchronous; every adapter method is async). `methods` names
 *  them all; the compiler checks the list is complete. */
export function simulated<Module, Adapter>(
  load: (() => Promise<Module>) | undefined,
  create: (module: Module) => Adapter,
  methods: Record<keyof Adapter, true>,
): Adapter {
  // config() refuses a simulator mode in such a build before any adapter is asked for.
  if (!load) throw new Error('this build has no simulators');
  let adapter: Promise<Adapter> | undefined;
  const forward = (name: keyof Adapter) => async (...args: unknown[]) => {
    const target = await (adapter ??= load().then(create));
    return (target[name] as (...args: unknown[]) => Promise<unknown>).apply(target, args);
  };
  return Object.fromEntries(Object.keys(methods).map((name) => [name, forward(name as keyof Adapter)])) as Adapter;
}
