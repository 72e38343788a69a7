// Single-table key layout: every item's PK/SK is built here, or, for the back office's items
// (operators, changes, the audit log, operations, the dashboard), in back-office-keys.ts — apart so
// that the customers' functions do not bundle them.
export const keys = {
  customer: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'PROFILE' }),
  /** A customer's PIN resets (忘记支付密码): the code in force, sends and wrong answers counted. */
  pinReset: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'PINRESET' }),
  /** The same for the code sent to the phone a phone change (更换手机号) would bind: its own code
   *  and counts, so the old phone's code and the new one's are both in force at once. */
  newPhoneCode: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'NEWPHONECODE' }),
  /** A change of the bound phone: both phones masked, when, and how it was verified. */
  phoneChange: (customerId: string, changedAt: string, changeId: string) => ({ PK: `CUST#${customerId}`, SK: `PHONECHANGE#${changedAt}#${changeId}` }),
  phoneChangePrefix: 'PHONECHANGE#',
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
  /** A sign-in's refresh-token family (a session): its device, times and place, whether it is
   *  revoked and whether its device is verified for money (store/sessions.ts). */
  session: (customerId: string, familyId: string) => ({ PK: `CUST#${customerId}`, SK: `SESSION#${familyId}` }),
  sessionPrefix: 'SESSION#',
  /** A device the customer signed in on and that is trusted with money: the first one, or one
   *  verified with a code to the bound phone. */
  knownDevice: (customerId: string, deviceId: string) => ({ PK: `CUST#${customerId}`, SK: `DEVICE#${deviceId}` }),
  balance: (accountId: string) => ({ PK: `ACCT#${accountId}`, SK: 'BALANCE' }),
  posting: (accountId: string, createdAt: string, journalId: string) => ({
    PK: `ACCT#${accountId}`,
    SK: `POST#${createdAt}#${journalId}`,
  }),
  postingPrefix: 'POST#',
  /** A change of the account's bound card (更换绑定卡): the card unbound and the card bound. */
  cardChange: (accountId: string, changedAt: string, changeId: string) => ({ PK: `ACCT#${accountId}`, SK: `CARDCHANGE#${changedAt}#${changeId}` }),
  cardChangePrefix: 'CARDCHANGE#',
  limitCounter: (accountId: string, bucket: string) => ({ PK: `ACCT#${accountId}`, SK: `LIMIT#${bucket}` }),
  /** What the judged movements took out of the account in one ten-minute slot (domain/risk-rules.ts velocitySlots). */
  outVelocity: (accountId: string, slot: string) => ({ PK: `ACCT#${accountId}`, SK: `VELOCITY#OUT#${slot}` }),
  journal: (journalId: string) => ({ PK: `JRNL#${journalId}`, SK: 'JOURNAL' }),
  /** The later journal that reversed or completed this one (a reversal, a refund, a bill's
   *  settlement or void): at most one, written with it. */
  journalFollowUp: (journalId: string) => ({ PK: `JRNL#${journalId}`, SK: 'FOLLOWUP' }),
  /** A transfer held by the anti-fraud rules (延时到账), under its hold journal's id. */
  heldTransfer: (holdJournalId: string) => ({ PK: `JRNL#${holdJournalId}`, SK: 'HELDTRANSFER' }),
  /** Holds not yet released or returned, by when they fall due, sharded, for the release job. */
  heldTransferDue: (shard: number, releaseAt: string, holdJournalId: string) => ({ PK: `HELDDUE#${String(shard).padStart(2, '0')}`, SK: `${releaseAt}#${holdJournalId}` }),
  heldTransferDuePartition: (shard: number) => `HELDDUE#${String(shard).padStart(2, '0')}`,
  /** A hold of the customer's not yet released or returned: what 销户 waits for. */
  openHeldTransfer: (customerId: string, holdJournalId: string) => ({ PK: `CUST#${customerId}`, SK: `HELDOPEN#${holdJournalId}` }),
  openHeldTransferPrefix: 'HELDOPEN#',
  paymentNonce: (nonceId: string) => ({ PK: `NONCE#${nonceId}`, SK: 'NONCE' }),
  /** Which movement an e-receipt's verification code names (the customer's side of a journal). */
  receiptCode: (code: string) => ({ PK: `RECEIPT#${code}`, SK: 'RECEIPT' }),
  idempotency: (scope: string, key: string) => ({ PK: `IDEM#${scope}#${key}`, SK: 'IDEM' }),
  config: (name: 'LPR' | 'BUSINESS_DATE' | 'RISK_RULES' | 'WATCH_LIST') => ({ PK: 'CONFIG', SK: name }),
  /** When the customer first paid this payee (anti-fraud: a payee first seen lately). */
  paidPayee: (customerId: string, payeeAccountId: string) => ({ PK: `CUST#${customerId}`, SK: `PAYEE#${payeeAccountId}` }),
  paidPayeePrefix: 'PAYEE#',
  /** The customer's largest transfer out per business date, the last 90 kept (anti-fraud). */
  transferMaxima: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'TRANSFERMAX' }),
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
  wealthProductVersionPrefix: (productId: string) => `VERSION#${productId}#`,
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
  // ---- open platform (开放平台) ----
  /** Every partner under one partition: the console lists them with one Query. */
  partner: (partnerId: string) => ({ PK: 'PARTNER', SK: `PARTNER#${partnerId}` }),
  partnerPrefix: 'PARTNER#',
  /** A signed request's nonce, spent once per partner (expires when the timestamp alone refuses it). */
  partnerNonce: (partnerId: string, nonce: string) => ({ PK: `OPENNONCE#${partnerId}#${nonce}`, SK: 'OPENNONCE' }),
  /** A partner's requests in one minute, counted against its rate limit. */
  partnerRate: (partnerId: string, minute: string) => ({ PK: `OPENRATE#${partnerId}`, SK: minute }),
  /** A partner's merchants live in the partner's partition: another partner's id finds nothing. */
  merchant: (partnerId: string, merchantId: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `MERCHANT#${merchantId}` }),
  merchantPrefix: 'MERCHANT#',
  merchantPartition: (partnerId: string) => `PARTNERDATA#${partnerId}`,
  /** How many merchants the partner has brought (held under MAX_MERCHANTS_PER_PARTNER). */
  merchantCount: (partnerId: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: 'MERCHANTCOUNT' }),
  /** Merchants waiting for the bank's review, oldest first, across partners (the console's queue). */
  merchantReview: (proposedAt: string, partnerId: string, merchantId: string) => ({ PK: 'MERCHANTREVIEW', SK: `${proposedAt}#${partnerId}#${merchantId}` }),
  merchantReviewPartition: 'MERCHANTREVIEW',
  /** An approved merchant in its community's listing (社区生活), by category: customers browse it. */
  merchantListing: (cityCode: string, community: string, category: string, merchantId: string) => ({ PK: `MLISTING#${cityCode}#${community}`, SK: `${category}#${merchantId}` }),
  merchantListingPartition: (cityCode: string, community: string) => `MLISTING#${cityCode}#${community}`,
  /** Which partner an approved merchant belongs to: a static code names only the merchant. */
  merchantRef: (merchantId: string) => ({ PK: `MERCHANTREF#${merchantId}`, SK: 'REF' }),
  /** A community with approved merchants, and how many: the zone's picker lists them. */
  community: (cityCode: string, name: string) => ({ PK: 'MCOMMUNITY', SK: `${cityCode}#${name}` }),
  communityPartition: 'MCOMMUNITY',
  /** The partner's own merchant number, held once among its merchants. */
  outMerchantNo: (partnerId: string, outMerchantNo: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `OUTMERCHANT#${outMerchantNo}` }),
  /** An order of the open platform, under its own id: a customer opens it by id, a partner reads
   *  it only when the order is its own (services/open-orders.ts). */
  merchantOrder: (orderId: string) => ({ PK: `MORDER#${orderId}`, SK: 'ORDER' }),
  /** The partner's own order number, held once among its orders; names the order. */
  outTradeNo: (partnerId: string, outTradeNo: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `OUTTRADE#${outTradeNo}` }),
  /** An order the customer paid, in the customer's partition by when: their community orders. */
  customerOrder: (customerId: string, paidAt: string, orderId: string) => ({ PK: `CUST#${customerId}`, SK: `MORDER#${paidAt}#${orderId}` }),
  customerOrderPrefix: 'MORDER#',
  /** A merchant whose wallet moved since it was last settled, sharded: the day close's list. */
  walletDue: (shard: number, merchantId: string) => ({ PK: `WALLETDUE#${String(shard).padStart(2, '0')}`, SK: merchantId }),
  walletDuePartition: (shard: number) => `WALLETDUE#${String(shard).padStart(2, '0')}`,
  /** A merchant's settlement of a closed date, in its partner's partition: the partner's
   *  settlement file for a date is one Query. */
  merchantSettlement: (partnerId: string, closedDate: string, merchantId: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `SETTLE#${closedDate}#${merchantId}` }),
  merchantSettlementPrefix: (closedDate: string) => `SETTLE#${closedDate}#`,
  /** Settlements whose payout the gateway has not answered yet, for a later close to finish. */
  payingSettlement: (settlementId: string) => ({ PK: 'SETTLEPAYING', SK: settlementId }),
  payingSettlementPartition: 'SETTLEPAYING',
  /** A refund of an order, under its own id. */
  merchantRefund: (refundId: string) => ({ PK: `MREFUND#${refundId}`, SK: 'REFUND' }),
  /** The partner's own refund number, held once among its refunds; names the refund. */
  outRefundNo: (partnerId: string, outRefundNo: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `OUTREFUND#${outRefundNo}` }),
  /** A partner's webhook event and its deliveries, in the partner's partition by when the money
   *  moved: the console's delivery log is one Query, newest first. */
  webhookEvent: (partnerId: string, createdAt: string, eventId: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `WHEVENT#${createdAt}#${eventId}` }),
  webhookEventPrefix: 'WHEVENT#',
  /** Where an event id is in the log (its createdAt), for a redelivery that names only the id. */
  webhookEventId: (partnerId: string, eventId: string) => ({ PK: `PARTNERDATA#${partnerId}`, SK: `WHEVID#${eventId}` }),
  /** Events with an attempt due, sharded, by when it falls due, for the delivery job. */
  webhookDue: (shard: number, dueAt: string, eventId: string) => ({ PK: `WHDUE#${String(shard).padStart(2, '0')}`, SK: `${dueAt}#${eventId}` }),
  webhookDuePartition: (shard: number) => `WHDUE#${String(shard).padStart(2, '0')}`,
  // ---- data rights (个人信息与隐私) ----
  /** One change of an optional consent (given or withdrawn), by time. */
  consentChange: (customerId: string, at: string, kind: string, changeId: string) => ({ PK: `CUST#${customerId}`, SK: `CONSENT#${at}#${kind}#${changeId}` }),
  consentChangePrefix: 'CONSENT#',
  /** A closed customer whose records are kept until `retainUntil`, sharded and sorted by that
   *  time: the deletion job reads the ones whose time has come. */
  retentionDue: (shard: number, retainUntil: string, customerId: string) => ({ PK: `RETENTIONDUE#${String(shard).padStart(2, '0')}`, SK: `${retainUntil}#${customerId}` }),
  retentionDueShard: (shard: number) => `RETENTIONDUE#${String(shard).padStart(2, '0')}`,
  // ---- complaints and disputes (投诉与争议) ----
  complaint: (ticketId: string) => ({ PK: `COMPLAINT#${ticketId}`, SK: 'TICKET' }),
  /** The customer's tickets, newest first: a pointer per ticket under the customer. */
  customerComplaint: (customerId: string, openedAt: string, ticketId: string) => ({ PK: `CUST#${customerId}`, SK: `COMPLAINT#${openedAt}#${ticketId}` }),
  customerComplaintPrefix: 'COMPLAINT#',
  /** How many of the customer's tickets wait for an answer: the limit's conditional counter. */
  complaintCount: (customerId: string) => ({ PK: `CUST#${customerId}`, SK: 'COMPLAINTCOUNT' }),
  /** The service desk's queues (OPEN, ANSWERED, CLOSED), by deadline: a pointer per ticket. */
  complaintQueue: (queue: string, dueAt: string, ticketId: string) => ({ PK: `COMPLAINTS#${queue}`, SK: `${dueAt}#${ticketId}` }),
  complaintQueuePartition: (queue: string) => `COMPLAINTS#${queue}`,
  /** A correction proposed from the ticket (差错调整): written with its change request, marked paid
   *  by its journal's transaction. */
  complaintCorrection: (ticketId: string, changeId: string) => ({ PK: `COMPLAINT#${ticketId}`, SK: `CORRECTION#${changeId}` }),
  complaintCorrectionPrefix: 'CORRECTION#',
  /** What the corrections of one movement have paid in total: their bound's conditional counter. */
  movementCorrected: (journalId: string) => ({ PK: `CORRECTED#${journalId}`, SK: 'CORRECTED' }),
  // ---- relationship managers (客户经理) ----
  staff: (staffId: string) => ({ PK: `STAFF#${staffId}`, SK: 'PROFILE' }),
  staffNo: (staffNo: string) => ({ PK: `STAFFNO#${staffNo}`, SK: 'STAFFNO' }),
  staffOpenid: (openid: string) => ({ PK: `STAFFOPENID#${openid}`, SK: 'STAFFOPENID' }),
  /** A one-time binding code, by its hash; expires by TTL as well as by its own time. */
  staffBinding: (codeHash: string) => ({ PK: `STAFFBIND#${codeHash}`, SK: 'STAFFBIND' }),
  branchMember: (branchId: string, staffId: string) => ({ PK: `BRANCH#${branchId}`, SK: `STAFF#${staffId}` }),
  branchPartition: (branchId: string) => `BRANCH#${branchId}`,
  branchMemberPrefix: 'STAFF#',
  /** Every staff member, by staff number: the console's 客户经理管理 pages through it. */
  staffDirectory: (staffNo: string) => ({ PK: 'STAFFDIR', SK: `STAFF#${staffNo}` }),
  staffDirectoryPartition: 'STAFFDIR',
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
  /** A funnel event's customer and stage under the China date it happened, sharded: what the
   *  close reads to count first reaches (TTL). */
  funnelDay: (date: string, shard: number, stage: string, customerId: string) => ({ PK: `FUNNELDAY#${date}#${String(shard).padStart(2, '0')}`, SK: `${stage}#${customerId}` }),
  funnelDayShard: (date: string, shard: number) => `FUNNELDAY#${date}#${String(shard).padStart(2, '0')}`,
  /** A partition of the movementsByDay index (serverless.yml): a business date's journals, one shard. */
  movementDay: (date: string, shard: number) => `MOVEMENT#${date}#${String(shard).padStart(2, '0')}`,
  /** That the customer reached a funnel stage, and the close that counted it first. */
  funnelReached: (customerId: string, stage: string) => ({ PK: `CUST#${customerId}`, SK: `FUNNEL#${stage}` }),
} as const;
