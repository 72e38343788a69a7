// Shapes staff, share links, the dashboard and referred customers into the contract's bodies.
// Customers appear only masked (张*, 138****1234), never with an ID number.
import { config } from '../config.js';
import type { Dashboard, Leaderboard, NamedProduct, ReferredCustomerPage, ShareLinkView, StaffSession } from '../contract/rm-schemas.js';
import { stageLabel } from '../domain/rm/funnel.js';
import { type ShareLinkStatus, h5Url, sceneFor, shareLinkStatus, sharePath } from '../domain/rm/share-code.js';
import { maskWorkPhone, STAFF_ROLE_LABELS } from '../domain/rm/staff.js';
import type { BranchLeaderboard, ManagerDashboard, ReferredCustomer } from '../services/rm-dashboard.js';
import type { SignedInStaff } from '../services/staff.js';
import type { ShareLinkRecord } from '../store/referrals.js';
import type { StaffRecord } from '../store/staff.js';

const STATUS_LABELS: Record<ShareLinkStatus, string> = { ACTIVE: '生效中', EXPIRED: '已过期', REVOKED: '已撤销' };
const MONEY_LABELS = { LOAN_DRAWN: '贷款提款', WEALTH_PURCHASED: '理财购买', BILL_PAID: '生活缴费' } as const;

export function staffMe(staff: StaffRecord) {
  return {
    staffId: staff.staffId,
    name: staff.name,
    staffNo: staff.staffNo,
    branchId: staff.branchId,
    branchName: staff.branchName,
    role: staff.role,
    roleLabel: STAFF_ROLE_LABELS[staff.role],
  };
}

export function sessionView({ staff, accessToken }: SignedInStaff): StaffSession {
  return { accessToken: accessToken.token, accessTokenExpiresAt: accessToken.expiresAt, staff: staffMe(staff) };
}

export const managerCard = (staff: StaffRecord) => ({ name: staff.name, staffNo: staff.staffNo, branchName: staff.branchName });

/** The card a customer sees of their own manager: with the work phone to call, when recorded. */
export const ownManagerCard = (staff: StaffRecord) => ({
  ...managerCard(staff),
  workPhone: staff.workPhone ? { number: staff.workPhone, masked: maskWorkPhone(staff.workPhone) } : null,
});

export const linkProduct = (link: ShareLinkRecord): NamedProduct => ({ ...link.product, name: link.productName });

export function shareLinkView(link: ShareLinkRecord, manager: StaffRecord, now: Date): ShareLinkView {
  const status = shareLinkStatus(link, now);
  const origin = config().H5_ORIGIN;
  return {
    code: link.code,
    product: linkProduct(link),
    campaign: link.campaign,
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
    status,
    statusLabel: STATUS_LABELS[status],
    sharePath: sharePath(link.code),
    scene: sceneFor(link.code),
    h5Url: origin ? h5Url(origin, link.code) : null,
    title: `客户经理${manager.name}为您推荐：${link.productName}`,
  };
}

export function dashboardView(dashboard: ManagerDashboard): Dashboard {
  return {
    ...dashboard,
    staff: staffMe(dashboard.staff),
    money: dashboard.money.map((total) => ({ ...total, label: MONEY_LABELS[total.kind] })),
  };
}

export function referredCustomerPage(page: { items: ReferredCustomer[]; nextCursor: string | null }): ReferredCustomerPage {
  return { items: page.items.map((customer) => ({ ...customer, stageLabel: stageLabel(customer.stage) })), nextCursor: page.nextCursor };
}

export function leaderboardView(board: BranchLeaderboard): Leaderboard {
  return {
    branchId: board.lead.branchId,
    branchName: board.lead.branchName,
    period: board.period,
    items: board.ranked.map((e) => ({
      rank: e.rank,
      name: e.who.staff.name,
      staffNo: e.who.staff.staffNo,
      role: e.who.staff.role,
      opened: e.who.opened,
      referred: e.referred,
      accountsOpened: e.accountsOpened,
      moneyFen: e.moneyFen,
    })),
    truncated: board.truncated,
  };
}
