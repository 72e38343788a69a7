// Relationship managers (客户经理): staff sign-in and one-time binding, share links (their QR
// posters are in staff-poster.ts), the dashboard (funnel, money, referred customers, branch leaderboard); the public route
// a share link's visit takes; the customer's own manager; and the operators' staff routes.
import { wechat } from '../adapters/wechat.js';
import { config } from '../config.js';
import { rmRoutes as routes } from '../contract/rm-routes.js';
import { refuse } from '../domain/errors.js';
import {
  checkedPeriod,
  DEFAULT_PERIOD_DAYS,
  funnel,
  furthestStage,
  moneyTotals,
  type Period,
  periodEnding,
  periodTimes,
  rankLeaderboard,
  stageLabel,
} from '../domain/rm/funnel.js';
import { productKey, type ShareProduct, type ShareProductType } from '../domain/rm/product.js';
import { linkExpiry, shareLinkStatus } from '../domain/rm/share-code.js';
import { assertActive, assertBranchLead } from '../domain/rm/staff.js';
import { currentBusinessDate } from '../store/business-date.js';
import * as referrals from '../store/referrals.js';
import * as staffStore from '../store/staff.js';
import { attributeFromDevice } from '../services/rm-attribution.js';
import { productName, shareableProduct, shareableProducts } from './rm-products.js';
import { linkProduct, managerCard, shareLinkView, staffMe, staffView } from './rm-views.js';
import { defineRoute, lambda } from './route.js';
import { loadStaff, ownLink } from './staff-guards.js';
import { issueStaffAccessToken } from '../services/tokens.js';

const DEFAULT_LINK_DAYS = 30;
const DEFAULT_PAGE = 20;
const MONEY_LABELS = { LOAN_DRAWN: '贷款提款', WEALTH_PURCHASED: '理财购买', BILL_PAID: '生活缴费' } as const;

async function session(staff: staffStore.StaffRecord, now: Date) {
  const token = await issueStaffAccessToken(staff.staffId, now);
  return { accessToken: token.token, accessTokenExpiresAt: token.expiresAt, staff: staffMe(staff) };
}

async function wechatOpenid(code: string): Promise<string> {
  const found = await wechat().code2Session(code);
  return found?.openid ?? refuse('unauthenticated', 'WECHAT_CODE_INVALID', '微信登录已失效，请重试');
}

// ---- public: a share link opened, and staff sign-in ------------------------------------------------

const visit = defineRoute('rmVisit', routes.rmVisit, async ({ body, now }) => {
  const link = await referrals.getShareLink(body.code);
  if (!link) return refuse('not_found', 'SHARE_LINK_NOT_FOUND', '链接不存在');
  const manager = await staffStore.getStaff(link.staffId);
  const status = manager?.status === 'ACTIVE' ? shareLinkStatus(link, now) : 'REVOKED';
  if (status === 'REVOKED') return refuse('unprocessable', 'SHARE_LINK_REVOKED', '该链接已失效');
  if (status === 'EXPIRED') return refuse('unprocessable', 'SHARE_LINK_EXPIRED', '该链接已过期');
  const recorded = await referrals.recordVisit(link, body.deviceId, now);
  // A device someone already signed in on: the visit may bind that customer now.
  const customerId = recorded === 'RECORDED' ? await referrals.deviceCustomer(body.deviceId) : undefined;
  if (customerId) await attributeFromDevice(body.deviceId, customerId, now);
  return { manager: managerCard(manager!), product: linkProduct(link), campaign: link.campaign };
});

const staffSignIn = defineRoute('staffSignIn', routes.staffSignIn, async ({ body, now }) => {
  const staffId = await staffStore.staffIdByOpenid(await wechatOpenid(body.code));
  const staff = staffId ? await staffStore.getStaff(staffId) : undefined;
  if (!staff) return refuse('forbidden', 'STAFF_NOT_BOUND', '该微信尚未绑定员工身份，请输入绑定码');
  assertActive(staff);
  return session(staff, now);
});

const staffBind = defineRoute('staffBind', routes.staffBind, async ({ body, now }) => {
  const staff = await staffStore.bindWechat(body.bindingCode, await wechatOpenid(body.code), now);
  return session(staff, now);
});

// ---- the customer's own manager -------------------------------------------------------------------

const myManager = defineRoute('rmMyManager', routes.rmMyManager, async ({ customerId }) => {
  const attribution = await referrals.getAttribution(customerId);
  const manager = attribution ? await staffStore.getStaff(attribution.staffId) : undefined;
  // A manager who has left no longer serves anyone.
  if (!attribution || manager?.status !== 'ACTIVE') return { manager: null, since: null };
  return { manager: managerCard(manager), since: attribution.attributedAt };
});

// ---- staff ---------------------------------------------------------------------------------------

const me = defineRoute('staffMe', routes.staffMe, async ({ staffId }) => staffMe(await loadStaff(staffId)));

const products = defineRoute('rmShareableProducts', routes.rmShareableProducts, async ({ staffId }) => {
  await loadStaff(staffId);
  return { items: await shareableProducts() };
});

const createLink = defineRoute('createShareLink', routes.createShareLink, async ({ staffId, body, now }) => {
  const staff = await loadStaff(staffId);
  const product = await shareableProduct(body.product);
  if (!product) return refuse('unprocessable', 'PRODUCT_NOT_SHAREABLE', '该产品不存在或暂不可分享');
  const terms = {
    staffId,
    product: { type: product.type, id: product.id },
    productName: product.name,
    campaign: body.campaign ?? null,
    createdAt: now.toISOString(),
    expiresAt: linkExpiry(now, body.expiresInDays === undefined ? DEFAULT_LINK_DAYS : body.expiresInDays),
    revokedAt: null,
  };
  // Codes are random over ~59 bits: a collision is next to impossible, but never overwrites.
  for (let attempt = 0; attempt < 3; attempt++) {
    const link = { ...terms, code: referrals.newShortCode() };
    if (await referrals.createShareLink(link)) return shareLinkView(link, staff, now);
  }
  throw new Error('three short-code collisions in a row');
});

const links = defineRoute('shareLinks', routes.shareLinks, async ({ staffId, query, now }) => {
  const staff = await loadStaff(staffId);
  const page = await referrals.staffLinks(staffId, query.limit ?? DEFAULT_PAGE, query.cursor);
  return { items: page.items.map((link) => shareLinkView(link, staff, now)), nextCursor: page.nextCursor };
});

const link = defineRoute('shareLink', routes.shareLink, async ({ staffId, params, now }) => {
  const staff = await loadStaff(staffId);
  return shareLinkView(await ownLink(staffId, params.code), staff, now);
});

const revoke = defineRoute('revokeShareLink', routes.revokeShareLink, async ({ staffId, params, now }) => {
  const staff = await loadStaff(staffId);
  await referrals.revokeShareLink(await ownLink(staffId, params.code), now);
  return shareLinkView(await ownLink(staffId, params.code), staff, now);
});

// ---- dashboard -------------------------------------------------------------------------------------

async function periodOf(query: { days?: number; from?: string; to?: string }, now: Date): Promise<Period> {
  if (query.from !== undefined && query.to !== undefined) {
    return checkedPeriod(query.from, query.to) ?? refuse('invalid', 'PERIOD_INVALID', '统计区间无效（起止日期颠倒或超过 366 天）');
  }
  return periodEnding(await currentBusinessDate(now), query.days ?? DEFAULT_PERIOD_DAYS);
}

/** The contract's `TYPE:id` (the pattern admits only known types and ids without colons). */
function productFilter(text: string | undefined): ShareProduct | null {
  if (text === undefined) return null;
  const [type, id] = text.split(':') as [ShareProductType, string];
  return { type, id };
}

async function named(products: ShareProduct[]) {
  const unique = [...new Map(products.map((p) => [productKey(p), p])).values()];
  return Promise.all(unique.map(async (p) => ({ type: p.type, id: p.id, name: await productName(p) })));
}

const dashboard = defineRoute('rmDashboard', routes.rmDashboard, async ({ staffId, query, now }) => {
  const staff = await loadStaff(staffId);
  const period = await periodOf(query, now);
  const filter = productFilter(query.product);
  const { start, end } = periodTimes(period);
  const activity = await referrals.managerActivity(staffId, start, end);
  const products = await named([...activity.openings.map((o) => o.product), ...activity.cohort.map((c) => c.entryProduct)]);
  return {
    staff: staffMe(staff),
    period,
    product: filter ? { ...filter, name: await productName(filter) } : null,
    products,
    funnel: funnel(activity.openings, activity.cohort, filter),
    money: moneyTotals(activity.money, period, filter).map((total) => ({ ...total, label: MONEY_LABELS[total.kind] })),
    attributionWindowDays: config().RM_ATTRIBUTION_WINDOW_DAYS,
    truncated: activity.truncated,
  };
});

const customers = defineRoute('rmCustomers', routes.rmCustomers, async ({ staffId, query }) => {
  await loadStaff(staffId);
  const page = await referrals.staffCustomers(staffId, query.limit ?? DEFAULT_PAGE, query.cursor);
  const contacts = await referrals.maskedContacts(page.items.map((c) => c.customerId));
  const names = new Map((await named(page.items.map((c) => c.entryProduct))).map((p) => [productKey(p), p]));
  return {
    items: page.items.map((c) => {
      const stage = furthestStage(c.stages);
      const contact = contacts.get(c.customerId);
      return {
        nameMasked: contact?.nameMasked ?? null,
        phoneMasked: contact?.phoneMasked ?? null,
        entryProduct: names.get(productKey(c.entryProduct))!,
        firstTouchAt: c.firstTouchAt,
        stage,
        stageLabel: stageLabel(stage),
      };
    }),
    nextCursor: page.nextCursor,
  };
});

/** Managers ranked at a time, so a large branch never fans out into hundreds of queries at once. */
const LEADERBOARD_BATCH = 10;

const leaderboard = defineRoute('rmLeaderboard', routes.rmLeaderboard, async ({ staffId, query, now }) => {
  const lead = await loadStaff(staffId);
  assertBranchLead(lead);
  const period = periodEnding(await currentBusinessDate(now), query.days ?? DEFAULT_PERIOD_DAYS);
  const { start, end } = periodTimes(period);
  const branch = await staffStore.branchStaff(lead.branchId);
  const members = branch.members.filter((m) => m.status === 'ACTIVE');
  let truncated = branch.truncated;
  const entries = [];
  for (let i = 0; i < members.length; i += LEADERBOARD_BATCH) {
    const batch = members.slice(i, i + LEADERBOARD_BATCH);
    const activities = await Promise.all(batch.map((m) => referrals.managerActivity(m.staffId, start, end)));
    for (const [index, activity] of activities.entries()) {
      truncated ||= activity.truncated;
      const rows = funnel(activity.openings, activity.cohort, null);
      const money = moneyTotals(activity.money, period, null);
      entries.push({
        who: { staff: batch[index]!, opened: rows.find((r) => r.stage === 'OPENED')!.count },
        referred: activity.cohort.length,
        accountsOpened: rows.find((r) => r.stage === 'ACCOUNT_OPENED')!.count,
        moneyFen: money.reduce((sum, total) => sum + total.amountFen, 0),
      });
    }
  }
  return {
    branchId: lead.branchId,
    branchName: lead.branchName,
    period,
    items: rankLeaderboard(entries).map((e) => ({
      rank: e.rank,
      name: e.who.staff.name,
      staffNo: e.who.staff.staffNo,
      role: e.who.staff.role,
      opened: e.who.opened,
      referred: e.referred,
      accountsOpened: e.accountsOpened,
      moneyFen: e.moneyFen,
    })),
    truncated,
  };
});

// ---- operators -------------------------------------------------------------------------------------

const createStaff = defineRoute('adminCreateStaff', routes.adminCreateStaff, async ({ body, now }) => {
  const code = staffStore.newBindingCode(now);
  const staff = await staffStore.createStaff(body, code, now);
  return { staff: staffView(staff), bindingCode: code.bindingCode, bindingCodeExpiresAt: code.expiresAt };
});

const listStaff = defineRoute('adminStaff', routes.adminStaff, async ({ query }) => ({
  items: (await staffStore.branchStaff(query.branchId)).members.map(staffView),
}));

async function existingStaff(staffId: string) {
  return (await staffStore.getStaff(staffId)) ?? refuse('not_found', 'STAFF_NOT_FOUND', '未找到该员工');
}

const reissue = defineRoute('adminStaffBindingCode', routes.adminStaffBindingCode, async ({ params, now }) => {
  const staff = await existingStaff(params.staffId);
  if (staff.status !== 'ACTIVE') return refuse('unprocessable', 'STAFF_INACTIVE', '该员工已停用');
  const code = staffStore.newBindingCode(now);
  await staffStore.reissueBindingCode(staff, code);
  return { staff: staffView((await staffStore.getStaff(staff.staffId))!), bindingCode: code.bindingCode, bindingCodeExpiresAt: code.expiresAt };
});

const deactivate = defineRoute('adminDeactivateStaff', routes.adminDeactivateStaff, async ({ params, now }) => {
  await existingStaff(params.staffId);
  await staffStore.deactivateStaff(params.staffId, now);
  return staffView(await existingStaff(params.staffId));
});

export const handler = lambda([
  visit,
  myManager,
  staffSignIn,
  staffBind,
  me,
  products,
  createLink,
  links,
  link,
  revoke,
  dashboard,
  customers,
  leaderboard,
  createStaff,
  listStaff,
  reissue,
  deactivate,
]);
