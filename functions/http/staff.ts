// Relationship managers (客户经理): staff sign-in and one-time binding, share links (their QR
// posters are in staff-poster.ts), the dashboard (funnel, money, referred customers, branch
// leaderboard); the public route a share link's visit takes; and the customer's own manager.
// Operators manage staff in the console (http/console-staff.ts).
import { rmRoutes as routes } from '../contract/rm-routes.js';
import { branchLeaderboard, managerDashboard, referredCustomers } from '../services/rm-dashboard.js';
import { relationshipManager } from '../services/rm-attribution.js';
import * as shareLinks from '../services/share-links.js';
import * as staff from '../services/staff.js';
import { loadStaff } from '../services/staff-guards.js';
import {
  dashboardView,
  leaderboardView,
  linkProduct,
  managerCard,
  ownManagerCard,
  referredCustomerPage,
  sessionView,
  shareLinkView,
  staffMe,
} from './rm-views.js';
import { defineRoute, lambda } from './route.js';

const DEFAULT_PAGE_SIZE = 20;

// ---- public: a share link opened, and staff sign-in ------------------------------------------------

const visit = defineRoute('rmVisit', routes.rmVisit, async ({ body, now }) => {
  const { link, manager } = await shareLinks.openShareLink(body.code, body.deviceId, now);
  return { manager: managerCard(manager), product: linkProduct(link), campaign: link.campaign };
});

const staffSignIn = defineRoute('staffSignIn', routes.staffSignIn, async ({ body, now }) => sessionView(await staff.signInStaff(body.code, now)));

const staffBind = defineRoute('staffBind', routes.staffBind, async ({ body, now }) => sessionView(await staff.bindStaffWechat(body.bindingCode, body.code, now)));

// ---- the customer's own manager -------------------------------------------------------------------

const myManager = defineRoute('rmMyManager', routes.rmMyManager, async ({ customerId }) => {
  const serving = await relationshipManager(customerId);
  return serving ? { manager: ownManagerCard(serving.manager), since: serving.since } : { manager: null, since: null };
});

// ---- staff ---------------------------------------------------------------------------------------

const me = defineRoute('staffMe', routes.staffMe, async ({ staffId }) => staffMe(await loadStaff(staffId)));

const products = defineRoute('rmShareableProducts', routes.rmShareableProducts, async ({ staffId }) => ({ items: await shareLinks.productsToShare(staffId) }));

const createLink = defineRoute('createShareLink', routes.createShareLink, async ({ staffId, body, now }) => {
  const { link, staff: manager } = await shareLinks.createShareLink(staffId, body, now);
  return shareLinkView(link, manager, now);
});

const links = defineRoute('shareLinks', routes.shareLinks, async ({ staffId, query, now }) => {
  const page = await shareLinks.managersLinks(staffId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor });
  return { items: page.links.map((link) => shareLinkView(link, page.staff, now)), nextCursor: page.nextCursor };
});

const link = defineRoute('shareLink', routes.shareLink, async ({ staffId, params, now }) => {
  const found = await shareLinks.managersLink(staffId, params.code);
  return shareLinkView(found.link, found.staff, now);
});

const revoke = defineRoute('revokeShareLink', routes.revokeShareLink, async ({ staffId, params, now }) => {
  const revoked = await shareLinks.revokeShareLink(staffId, params.code, now);
  return shareLinkView(revoked.link, revoked.staff, now);
});

// ---- dashboard -------------------------------------------------------------------------------------

const dashboard = defineRoute('rmDashboard', routes.rmDashboard, async ({ staffId, query, now }) => dashboardView(await managerDashboard(staffId, query, now)));

const customers = defineRoute('rmCustomers', routes.rmCustomers, async ({ staffId, query }) =>
  referredCustomerPage(await referredCustomers(staffId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, cursor: query.cursor })),
);

const leaderboard = defineRoute('rmLeaderboard', routes.rmLeaderboard, async ({ staffId, query, now }) => leaderboardView(await branchLeaderboard(staffId, query.days, now)));

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
]);
