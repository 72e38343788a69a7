// Changes to what customers are offered, made as the bank's people make them: drafted by one
// product manager and approved by another through the console's functions (maker-checker), so a
// test that needs a new LPR or product version goes the way production does — no shared key.
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleProducts } from '../../functions/http/console-products.js';
import { call } from './bank.js';
import { expectOk } from './expect.js';
import { newOperator, signInOperator } from './operators.js';

let pair: Promise<{ maker: string; checker: string }> | undefined;

/** Two product managers' console tokens, signed in once per test file. */
const productManagers = () =>
  (pair ??= (async () => {
    const [maker, checker] = await Promise.all([newOperator(['PRODUCT_MANAGER'], '李娜'), newOperator(['PRODUCT_MANAGER'], '周洋')]);
    return { maker: (await signInOperator(maker)).accessToken, checker: (await signInOperator(checker)).accessToken };
  })());

/** Submits a change with `path` and `body` as the maker and approves it as the checker; the
 *  change as approved (EFFECTIVE: in force). */
async function submitAndApprove(path: string, body: object): Promise<{ status: string; changeId: string }> {
  const { maker, checker } = await productManagers();
  const submitted = expectOk(await call(consoleProducts, { method: 'POST', path, token: maker, body }));
  return expectOk(await call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${submitted.changeId}/approve`, token: checker, body: {} }));
}

/** Sets the 1-year LPR through an approved change. */
export const setLprByChange = (oneYearLprBps: number) => submitAndApprove('/v1/console/lpr/changes', { oneYearLprBps });

/** Publishes `product` (without its version) as its next version through an approved change. */
export const publishProductByChange = (product: object) => submitAndApprove('/v1/console/loan-products/changes', { product });
