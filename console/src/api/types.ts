// The console's view of the API, typed from the contract (functions/contract/console-schemas.ts).
// `import type` only: the schemas (zod) never reach the console's bundle.
import type * as z from 'zod/mini';
import type {
  AuditPage,
  AuditVerification,
  ConsoleSession,
  ConsoleSignInChallenge,
  ConsoleSignedOut,
  OperatorView,
  SimulatorTotpCode,
} from '@contract/console-schemas';
import type { ChangeDetailView, ChangeList, ChangeRequestView } from '@contract/console-change-schemas';
import type { ConsoleAccountView, Customer360View, CustomerSearchQuery, CustomerSearchResult as CustomerSearchResultSchema, RevealRequest } from '@contract/console-service-schemas';
import type { DeskComplaintDetailView, DeskComplaintList, DeskComplaintView } from '@contract/complaint-schemas';
import type {
  ConsoleLoanProductDetail,
  ConsoleLoanProductList,
  LoanProductDraft as LoanProductDraftSchema,
  LoanProductPreview as LoanProductPreviewSchema,
  LoanProductPreviewRequest,
} from '@contract/console-product-schemas';
import type { RiskRulesBacktestRequest, RiskRulesBacktestView, RiskRulesChangeRequest, RiskRulesView } from '@contract/console-risk-schemas';
import type { RiskCondition, RiskField, RiskOp, RiskRule, RiskRuleSet } from '../../../functions/domain/risk-rules';

export type { AuditPage, AuditVerification, OperatorView };
export type AuditItem = AuditPage['entries'][number];
/** A readable entry of the audit log. */
export type AuditEntry = Exclude<AuditItem, { unreadable: true }>;
export type AuditParty = AuditEntry['actor'];
export type Permission = OperatorView['permissions'][number];
export type SignInChallenge = z.infer<typeof ConsoleSignInChallenge>;
export type ConsoleSignIn = z.infer<typeof ConsoleSession>;
export type SignedOut = z.infer<typeof ConsoleSignedOut>;
export type DemoCode = z.infer<typeof SimulatorTotpCode>;

// Maker-checker (复核中心) and the product factory (产品工厂).
export type ChangeRequest = z.infer<typeof ChangeRequestView>;
export type ChangeDetail = z.infer<typeof ChangeDetailView>;
export type ChangeDiffLine = ChangeDetail['diff'][number];
export type ChangePage = z.infer<typeof ChangeList>;
export type ChangeKind = ChangeRequest['kind'];
export type ChangeStatus = ChangeRequest['status'];
export type LoanProductDraft = z.infer<typeof LoanProductDraftSchema>;
export type LoanProductPage = z.infer<typeof ConsoleLoanProductList>;
export type LoanProductSummary = LoanProductPage['products'][number];
export type LoanProductDetail = z.infer<typeof ConsoleLoanProductDetail>;
export type LoanProduct = LoanProductDetail['current'];
export type LoanProductPreview = z.infer<typeof LoanProductPreviewSchema>;
export type PreviewSample = Omit<z.infer<typeof LoanProductPreviewRequest>, 'product'>;

// The service desk (客户服务).
export type CustomerSearchCriterion = keyof CustomerSearchQuery;
export type CustomerSearchResult = z.infer<typeof CustomerSearchResultSchema>;
export type CustomerMatch = CustomerSearchResult['customers'][number];
export type Customer360 = Customer360View;
export type ConsoleAccount = ConsoleAccountView;
export type DeskComplaint = DeskComplaintView;
/** A ticket read on its own: with its corrections (差错调整). */
export type DeskComplaintDetail = DeskComplaintDetailView;
export type DeskComplaintPage = DeskComplaintList;
export type ComplaintQueue = 'OPEN' | 'ANSWERED' | 'CLOSED';
export type RevealField = z.infer<typeof RevealRequest>['field'];

// 风控规则 (anti-fraud rules).
export type { RiskCondition, RiskField, RiskOp, RiskRule, RiskRuleSet, RiskRulesView };
export type RiskFieldView = RiskRulesView['fields'][number];
export type RiskRulesChange = z.infer<typeof RiskRulesChangeRequest>;
export type { RiskRulesBacktestRequest };
export type RiskRulesBacktest = z.infer<typeof RiskRulesBacktestView>;
