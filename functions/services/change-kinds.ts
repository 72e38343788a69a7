// What each kind of maker-checker change needs from the workflow (services/change-requests.ts):
// who may approve it, and how an approved change takes effect. A static table, so that a kind in
// domain/change-requests.ts CHANGE_KINDS without its handler does not compile. Each handler lives
// in a module of its own (services/change-kinds/) that imports neither the workflow nor this table
// (the handler's type is in change-kinds/handler.ts).
import type { ChangeKind } from '../domain/change-requests.js';
import type { ChangeKindHandler } from './change-kinds/handler.js';
import { loanProductVersionChange } from './change-kinds/loan-product-version.js';
import { accountUnfreezeChange } from './change-kinds/account-unfreeze.js';
import { lprChange } from './change-kinds/lpr.js';
import { operatorCreateChange, operatorDeactivateChange, operatorRolesChange } from './change-kinds/operators.js';
import { billerChange } from './change-kinds/biller.js';
import { staffCreateChange, staffDeactivateChange, staffWorkPhoneChange } from './change-kinds/staff.js';
import { wealthNavChange, wealthYieldChange } from './change-kinds/wealth-price.js';
import { wealthProductStatusChange, wealthProductVersionChange } from './change-kinds/wealth-product.js';
import { complaintCorrectionChange } from './change-kinds/complaint-correction.js';
import { riskRulesChange } from './change-kinds/risk-rules.js';
import { watchListChange } from './change-kinds/watch-list.js';
import { partnerChange } from './change-kinds/partner.js';
import { merchantReviewChange } from './change-kinds/merchant-review.js';
import { partnerReserveChange } from './change-kinds/partner-reserve.js';

export const CHANGE_KIND_HANDLERS: { [K in ChangeKind]: ChangeKindHandler } = {
  LOAN_PRODUCT_VERSION: loanProductVersionChange,
  LPR: lprChange,
  ACCOUNT_UNFREEZE: accountUnfreezeChange,
  OPERATOR_CREATE: operatorCreateChange,
  OPERATOR_ROLES: operatorRolesChange,
  OPERATOR_DEACTIVATE: operatorDeactivateChange,
  BILLER: billerChange,
  STAFF_CREATE: staffCreateChange,
  STAFF_DEACTIVATE: staffDeactivateChange,
  STAFF_WORK_PHONE: staffWorkPhoneChange,
  WEALTH_PRODUCT_VERSION: wealthProductVersionChange,
  WEALTH_PRODUCT_STATUS: wealthProductStatusChange,
  WEALTH_NAV: wealthNavChange,
  WEALTH_YIELD: wealthYieldChange,
  COMPLAINT_CORRECTION: complaintCorrectionChange,
  RISK_RULES: riskRulesChange,
  WATCH_LIST: watchListChange,
  PARTNER: partnerChange,
  MERCHANT_REVIEW: merchantReviewChange,
  PARTNER_RESERVE: partnerReserveChange,
};
