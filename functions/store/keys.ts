// Single-table key layout. Every item's PK/SK is built here and nowhere else.
export const keys = {
  customer: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'PROFILE' }),
  /** A customer's PIN resets (忘记支付密码): the code in force, sends and wrong answers counted. */
  pinReset: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'PINRESET' }),
  openid: (openid: string) => ({ PK: `WXOPENID#${openid}`, SK: 'WXOPENID' }),
  phone: (phoneHash: string) => ({ PK: `PHONE#${phoneHash}`, SK: 'PHONE' }),
  idNumber: (idHash: string) => ({ PK: `IDNO#${idHash}`, SK: 'IDNO' }),
  /** The service desk's blind indexes (keyed hashes, never the clear value): names are shared, so
   *  one item per customer under the name's partition; an account number is one account's. */
  customerName: (nameHash: string, customerId: string) => ({ PK: `NAME#${nameHash}`, SK: `CUST#${customerId}` }),
  customerNamePartition: (nameHash: string) => `NAME#${nameHash}`,
  accountNumber: (accountNumberHash: string) => ({ PK: `ACCTNO#${accountNumberHash}`, SK: 'ACCTNO' }),
  card: (cardHash: string) => ({ PK: `CARD#${cardHash}`, SK: 'CARD' }),
  refreshToken: (tokenHash: string) => ({ PK: `RT#${tokenHash}`, SK: 'RT' }),
  refreshFamily: (familyId: string) => ({ PK: `RTF#${familyId}`, SK: 'RTF' }),
  balance: (accountId: string) => ({ PK: `ACCT#${accountId}`, SK: 'BALANCE' }),
  posting: (accountId: string, createdAt: string, journalId: string) => ({
    PK: `ACCT#${accountId}`,
    SK: `POST#${createdAt}#${journalId}`,
  }),
  postingPrefix: 'POST#',
  limitCounter: (accountId: string, bucket: string) => ({ PK: `ACCT#${accountId}`, SK: `LIMIT#${bucket}` }),
  journal: (journalId: string) => ({ PK: `JRNL#${journalId}`, SK: 'JOURNAL' }),
  paymentNonce: (nonceId: string) => ({ PK: `NONCE#${nonceId}`, SK: 'NONCE' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEM#${scope}#${key}`, SK: 'IDEM' }),
  config: (name: 'LPR' | 'BUSINESS_DATE') => ({ PK: 'CONFIG', SK: name }),
  loanProductCurrent: (productId: string) => ({ PK: 'LOANPRODUCT', SK: `CURRENT#${productId}` }),
  loanProductCurrentPrefix: 'CURRENT#',
  loanProductVersion: (productId: string, version: number) => ({
    PK: 'LOANPRODUCT',
    SK: `VERSION#${productId}#${String(version).padStart(5, '0')}`,
  }),
  loanProductVersionPrefix: (productId: string) => `VERSION#${productId}#`,
  loanApplication: (customerId: string, createdAt: string, applicationId: string) => ({
    PK: `CUST#${customerId}`,
    SK: `LOANAPP#${createdAt}#${applicationId}`,
  }),
  loanApplicationPrefix: 'LOANAPP#',
  creditLine: (customerId: string, productId: string) => ({ PK: `CUST#${customerId}`, SK: `CREDITLINE#${productId}` }),
  creditLinePrefix: 'CREDITLINE#',
  loan: (customerId: string, loanId: string) => ({ PK: `CUST#${customerId}`, SK: `LOAN#${loanId}` }),
  loanPrefix: 'LOAN#',
  /** Active loans, sharded so the day close can list them without one hot partition. */
  activeLoan: (shard: number, loanId: string) => ({ PK: `ACTIVELOANS#${String(shard).padStart(2, '0')}`, SK: loanId }),
  activeLoanShard: (shard: number) => `ACTIVELOANS#${String(shard).padStart(2, '0')}`,
  customerEvent: (customerId: string, kind: string, ref: string) => ({ PK: `CUST#${customerId}`, SK: `EVENT#${kind}#${ref}` }),
  customerEventPrefix: 'EVENT#',
  payoffQuote: (customerId: string, loanId: string) => ({ PK: `CUST#${customerId}`, SK: `PAYOFFQUOTE#${loanId}` }),
  // ---- wealth (理财) ----
  wealthProductCurrent: (productId: string) => ({ PK: 'WEALTHPRODUCT', SK: `CURRENT#${productId}` }),
  wealthProductCurrentPrefix: 'CURRENT#',
  wealthProductVersion: (productId: string, version: number) => ({
    PK: 'WEALTHPRODUCT',
    SK: `VERSION#${productId}#${String(version).padStart(5, '0')}`,
  }),
  /** A product's NAV (or money-market yield) for one date; a query on the partition walks dates. */
  wealthPrice: (productId: string, date: string) => ({ PK: `WEALTHPRICE#${productId}`, SK: date }),
  wealthPricePartition: (productId: string) => `WEALTHPRICE#${productId}`,
  wealthRisk: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'WEALTHRISK' }),
  wealthRiskHistory: (customerId: string, at: string) => ({ PK: `CUST#${customerId}`, SK: `WEALTHRISK#${at}` }),
  wealthHolding: (customerId: string, productId: string) => ({ PK: `CUST#${customerId}`, SK: `WEALTHHOLDING#${productId}` }),
  wealthHoldingPrefix: 'WEALTHHOLDING#',
  wealthOrder: (customerId: string, orderId: string) => ({ PK: `CUST#${customerId}`, SK: `WEALTHORDER#${orderId}` }),
  wealthOrderPrefix: 'WEALTHORDER#',
  /** Orders waiting for a day close, sharded, sorted by the date that confirms them. */
  wealthPending: (shard: number, confirmDate: string, orderId: string) => ({
    PK: `WEALTHPENDING#${String(shard).padStart(2, '0')}`,
    SK: `${confirmDate}#${orderId}`,
  }),
  wealthPendingShard: (shard: number) => `WEALTHPENDING#${String(shard).padStart(2, '0')}`,
  /** Who holds a product, sharded: the day close pays income and matures holdings from it. */
  wealthHolder: (productId: string, shard: number, customerId: string) => ({
    PK: `WEALTHHOLDERS#${productId}#${String(shard).padStart(2, '0')}`,
    SK: customerId,
  }),
  wealthHolderShard: (productId: string, shard: number) => `WEALTHHOLDERS#${productId}#${String(shard).padStart(2, '0')}`,
  // ---- bills (缴费) ----
  biller: (billerId: string) => ({ PK: 'BILLER', SK: `BILLER#${billerId}` }),
  billerPrefix: 'BILLER#',
  billPayment: (customerId: string, paymentId: string) => ({ PK: `CUST#${customerId}`, SK: `BILLPAY#${paymentId}` }),
  /** Newest-first history of a customer's bill payments: a pointer per payment, by time. */
  billHistory: (customerId: string, heldAt: string, paymentId: string) => ({ PK: `CUST#${customerId}`, SK: `BILLHIST#${heldAt}#${paymentId}` }),
  billHistoryPrefix: 'BILLHIST#',
  /** Whose payment a reference is (the gateway's statement names references only). */
  billReference: (paymentId: string) => ({ PK: `BILLREF#${paymentId}`, SK: 'BILLREF' }),
  /** One payment per bill (biller + account + period): the second is refused while this exists. */
  billGuard: (billerId: string, accountHash: string, period: string) => ({ PK: `BILLGUARD#${billerId}#${accountHash}#${period}`, SK: 'BILLGUARD' }),
  /** Payments still HELD, sharded, for the day close to finish. */
  heldBill: (shard: number, paymentId: string) => ({ PK: `BILLHELD#${String(shard).padStart(2, '0')}`, SK: paymentId }),
  heldBillShard: (shard: number) => `BILLHELD#${String(shard).padStart(2, '0')}`,
  /** Payments settled on a business date, sharded, for that date's reconciliation. */
  settledBill: (date: string, shard: number, paymentId: string) => ({ PK: `BILLSETTLED#${date}#${String(shard).padStart(2, '0')}`, SK: paymentId }),
  settledBillShard: (date: string, shard: number) => `BILLSETTLED#${date}#${String(shard).padStart(2, '0')}`,
  billPayee: (customerId: string, payeeId: string) => ({ PK: `CUST#${customerId}`, SK: `BILLPAYEE#${payeeId}` }),
  billPayeePrefix: 'BILLPAYEE#',
  /** Payees with auto-pay on, sharded, for the day close. */
  autoPayPayee: (shard: number, payeeId: string) => ({ PK: `BILLAUTOPAY#${String(shard).padStart(2, '0')}`, SK: payeeId }),
  autoPayShard: (shard: number) => `BILLAUTOPAY#${String(shard).padStart(2, '0')}`,
  billReconciliation: (date: string) => ({ PK: 'BILLRECON', SK: date }),
  // ---- relationship managers (客户经理) ----
  staff: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'PROFILE' }),
  staffNo: (staffNo: string) => ({ PK: `STAFFNO#${staffNo}`, SK: 'STAFFNO' }),
  staffOpenid: (openid: string) => ({ PK: `STAFFOPENID#${openid}`, SK: 'STAFFOPENID' }),
  /** A one-time binding code, by its hash; expires by TTL as well as by its own time. */
  staffBinding: (codeHash: string) => ({ PK: `STAFFBIND#${codeHash}`, SK: 'STAFFBIND' }),
  branchMember: (branchId: string, staffId: string) => ({ PK: `BRANCH#${branchId}`, SK: `STAFF#${staffId}` }),
  branchPartition: (branchId: string) => `BRANCH#${branchId}`,
  branchMemberPrefix: 'STAFF#',
  shareLink: (code: string) => ({ PK: `RMLINK#${code}`, SK: 'LINK' }),
  /** Visits a link recorded on one (China) date: the public visit route's per-link cap. */
  shareLinkVisits: (code: string, date: string) => ({ PK: `RMLINK#${code}`, SK: `VISITS#${date}` }),
  /** Under the manager (PK STAFF#…): links, visits, attributed customers and their money events,
   *  each sorted by time so a period is a key range. */
  staffPartition: (staffId: string) => `STAFF#${staffId}`,
  staffLink: (staffId: string, createdAt: string, code: string) => ({ PK: `STAFF#${staffId}`, SK: `LINK#${createdAt}#${code}` }),
  staffLinkPrefix: 'LINK#',
  staffVisit: (staffId: string, at: string, deviceId: string, code: string) => ({ PK: `STAFF#${staffId}`, SK: `VISIT#${at}#${deviceId}#${code}` }),
  staffVisitPrefix: 'VISIT#',
  staffCustomer: (staffId: string, firstTouchAt: string, customerId: string) => ({ PK: `STAFF#${staffId}`, SK: `CUSTOMER#${firstTouchAt}#${customerId}` }),
  staffCustomerPrefix: 'CUSTOMER#',
  staffMoneyEvent: (staffId: string, at: string, kind: string, ref: string) => ({ PK: `STAFF#${staffId}`, SK: `MONEY#${at}#${kind}#${ref}` }),
  staffMoneyEventPrefix: 'MONEY#',
  device: (deviceId: string) => ({ PK: `DEVICE#${deviceId}`, SK: 'DEVICE' }),
  deviceVisit: (deviceId: string, code: string) => ({ PK: `DEVICE#${deviceId}`, SK: `VISIT#${code}` }),
  deviceVisitPrefix: 'VISIT#',
  devicePartition: (deviceId: string) => `DEVICE#${deviceId}`,
  /** Which manager serves the customer (first touch); written once, never replaced. */
  rmAttribution: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'RMATTRIBUTION' }),
  // ---- operators (运营中台) ----
  operator: (operatorId: string) => ({ PK: `OPERATOR#${operatorId}`, SK: 'PROFILE' }),
  /** Logins are unique: the first to write this item has the login. */
  operatorLogin: (login: string) => ({ PK: `OPLOGIN#${login}`, SK: 'OPLOGIN' }),
  /** A right password waiting for its code, by the hash of the challenge id. */
  operatorChallenge: (challengeHash: string) => ({ PK: `OPCHALLENGE#${challengeHash}`, SK: 'OPCHALLENGE' }),
  /** A console session, under its operator. */
  operatorSession: (operatorId: string, sessionId: string) => ({ PK: `OPERATOR#${operatorId}`, SK: `SESSION#${sessionId}` }),
  // ---- maker-checker (四眼复核) ----
  change: (changeId: string) => ({ PK: `CHANGE#${changeId}`, SK: 'CHANGE' }),
  /** Changes listed newest first by status (or `ALL`) and optionally kind: a pointer per change. */
  changeListPartition: (status: string, kind?: string) => (kind ? `CHANGES#${status}#${kind}` : `CHANGES#${status}`),
  changeListEntry: (partition: string, submittedAt: string, changeId: string) => ({ PK: partition, SK: `${submittedAt}#${changeId}` }),
  /** Held by the entity's one pending (or approved, not yet effective) change. */
  changeLock: (entityId: string) => ({ PK: `CHANGELOCK#${entityId}`, SK: 'CHANGELOCK' }),
  /** Approved changes waiting for their time, by effectiveAt: the scheduler's key range. */
  changeDuePartition: 'CHANGEDUE',
  changeDue: (effectiveAt: string, changeId: string) => ({ PK: 'CHANGEDUE', SK: `${effectiveAt}#${changeId}` }),
  // ---- audit log (审计日志) ----
  /** The chain's head: the last entry's seq and MAC; every append is conditional on its seq. */
  auditHead: () => ({ PK: 'AUDIT', SK: 'HEAD' }),
  /** An entry, by sequence number, in buckets of AUDIT_BUCKET_SIZE entries so no partition grows
   *  with the whole log; a range of sequence numbers is a key range in one bucket or two. */
  auditEntry: (seq: number) => ({ PK: auditBucket(seq), SK: auditSeqKey(seq) }),
  auditBucket: (seq: number) => auditBucket(seq),
  auditSeqKey: (seq: number) => auditSeqKey(seq),
  // ---- operations (运营) ----
  /** A day close of one business date: its steps, counts and errors; also the close's lock. */
  dayCloseRun: (closedDate: string) => ({ PK: 'DAYCLOSE', SK: `RUN#${closedDate}` }),
  dayCloseRunPartition: 'DAYCLOSE',
  /** An overdue loan as the close of the day before `asOf` left it, by bucket: a snapshot per date. */
  overdueLoan: (asOf: string, bucket: string, loanId: string) => ({ PK: `OVERDUE#${asOf}#${bucket}`, SK: loanId }),
  overdueLoanPartition: (asOf: string, bucket: string) => `OVERDUE#${asOf}#${bucket}`,
  /** A reconciliation mismatch as an alert, and its timeline under it. */
  reconAlert: (alertId: string) => ({ PK: `RECONALERT#${alertId}`, SK: 'ALERT' }),
  reconAlertEvent: (alertId: string, at: string, type: string) => ({ PK: `RECONALERT#${alertId}`, SK: `EVENT#${at}#${type}` }),
  reconAlertEventPrefix: 'EVENT#',
  /** Alerts listed by status (and under ALL), newest date first: a copy of each alert. */
  reconAlertIndex: (status: string, date: string, alertId: string) => ({ PK: `RECONALERTS#${status}`, SK: `${date}#${alertId}` }),
  reconAlertIndexPartition: (status: string) => `RECONALERTS#${status}`,
} as const;

/** Entries per audit bucket: a page (at most 100 entries) spans two at most. */
export const AUDIT_BUCKET_SIZE = 100_000;
function auditBucket(seq: number): string {
  return `AUDIT#${String(Math.floor(seq / AUDIT_BUCKET_SIZE)).padStart(6, '0')}`;
}
function auditSeqKey(seq: number): string {
  return `SEQ#${String(seq).padStart(12, '0')}`;
}
