// Changes to what customers are offered, made as the bank's people make them: drafted by one
// product manager and approved by another through the console's functions (maker-checker), so a
// test that needs a new LPR or product version goes the way production does — no shared key.
import { handler as consoleBillers } from '../../functions/http/console-billers.js';
import { handler as consoleChanges } from '../../functions/http/console-changes.js';
import { handler as consoleProducts } from '../../functions/http/console-products.js';
import { handler as consoleStaff } from '../../functions/http/console-staff.js';
import { handler as consoleWealth } from '../../functions/http/console-wealth.js';
import { call, type CallResult } from './bank.js';
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

const approve = (changeId: string, token: string) => call(consoleChanges, { method: 'POST', path: `/v1/console/changes/${changeId}/approve`, token, body: {} });

/** Opens, changes or closes (status SUSPENDED) `biller` — the whole biller — through an approved change. */
export async function putBillerByChange(biller: object): Promise<{ status: string; changeId: string }> {
  const { maker, checker } = await productManagers();
  const submitted = expectOk(await call(consoleBillers, { method: 'POST', path: '/v1/console/billers/changes', token: maker, body: { biller } }));
  return expectOk(await approve(submitted.changeId, checker));
}

let adminPair: Promise<{ maker: string; checker: string }> | undefined;

/** Two administrators' console tokens (staff.manage), signed in once per test file. */
export const administrators = () =>
  (adminPair ??= (async () => {
    const [maker, checker] = await Promise.all([newOperator(['ADMIN'], '钱敏'), newOperator(['ADMIN'], '孙强')]);
    return { maker: (await signInOperator(maker)).accessToken, checker: (await signInOperator(checker)).accessToken };
  })());

/** Creates a staff member as the bank does — one administrator submits, another approves — and
 *  issues its one-time binding code (the view of 客户经理管理's 生成绑定码). */
export async function createStaffByChange(staff: {
  name: string;
  staffNo: string;
  branchId: string;
  branchName: string;
  role: 'RELATIONSHIP_MANAGER' | 'BRANCH_LEAD';
  workPhone: string;
}): Promise<{ staff: { staffId: string; staffNo: string; status: string; wechatBound: boolean }; bindingCode: string; bindingCodeExpiresAt: string }> {
  const { maker, checker } = await administrators();
  const submitted = expectOk(await call(consoleStaff, { method: 'POST', path: '/v1/console/staff/changes', token: maker, body: { staff } }));
  const approved = expectOk(await approve(submitted.changeId, checker));
  if (approved.status !== 'EFFECTIVE') throw new Error(`staff creation ${submitted.changeId} is ${approved.status}`);
  return expectOk(await call(consoleStaff, { method: 'POST', path: `/v1/console/staff/${approved.after.staffId}/binding-code`, token: maker }));
}

/** Deactivates a staff member through an approved change. */
export async function deactivateStaffByChange(staffId: string, reason = '员工离职'): Promise<{ status: string; changeId: string }> {
  const { maker, checker } = await administrators();
  const submitted = expectOk(await call(consoleStaff, { method: 'POST', path: `/v1/console/staff/${staffId}/deactivation-changes`, token: maker, body: { reason } }));
  return expectOk(await approve(submitted.changeId, checker));
}

/** Submits a wealth change (理财产品) at `path` as the maker and, once accepted, approves it as the
 *  checker: the approval's answer (the change, EFFECTIVE when in force), or the submission's
 *  refusal as it came — so a test can expect either. */
async function wealthByChange(path: string, body: object): Promise<CallResult> {
  const { maker, checker } = await productManagers();
  const submitted = await call(consoleWealth, { method: 'POST', path, token: maker, body });
  return submitted.status === 200 ? approve(submitted.body.changeId, checker) : submitted;
}

/** Publishes a wealth product (without its version) as its next version through an approved change. */
export const publishWealthProductByChange = (product: object) => wealthByChange('/v1/console/wealth-products/changes', { product });

/** Opens or closes a wealth product's subscriptions through an approved change. */
export const setWealthStatusByChange = (productId: string, status: 'OPEN' | 'CLOSED') =>
  wealthByChange(`/v1/console/wealth-products/${productId}/status-changes`, { status });

/** Publishes a product's NAV for a date through an approved change. */
export const publishNavByChange = (productId: string, navDate: string, navCentiFen: number) =>
  wealthByChange('/v1/console/wealth-navs/changes', { productId, navDate, navCentiFen });

/** Publishes a money-market fund's 7-day yield and income per 10,000 units through an approved change. */
export const publishYieldByChange = (productId: string, yieldDate: string, sevenDayYieldBps: number, incomePer10kCentiFen: number) =>
  wealthByChange('/v1/console/wealth-yields/changes', { productId, yieldDate, sevenDayYieldBps, incomePer10kCentiFen });
