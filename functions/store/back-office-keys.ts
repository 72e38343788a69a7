// The back office's items in the single table (operators, maker-checker changes, the audit log,
// operations, the dashboard): built here and nowhere else; the customers' items are in keys.ts.
export const backOfficeKeys = {
  // ---- operators (运营中台) ----
  operator: (operatorId: string) => ({ PK: `OPERATOR#${operatorId}`, SK: 'PROFILE' }),
  /** Logins are unique: the first to write this item has the login. */
  operatorLogin: (login: string) => ({ PK: `OPLOGIN#${login}`, SK: 'OPLOGIN' }),
  /** A right password waiting for its code, by the hash of the challenge id. */
  operatorChallenge: (challengeHash: string) => ({ PK: `OPCHALLENGE#${challengeHash}`, SK: 'OPCHALLENGE' }),
  /** A console session, under its operator. */
  operatorSession: (operatorId: string, sessionId: string) => ({ PK: `OPERATOR#${operatorId}`, SK: `SESSION#${sessionId}` }),
  operatorSessionPrefix: 'SESSION#',
  operatorPartition: (operatorId: string) => `OPERATOR#${operatorId}`,
  /** Every operator by login, with what the list filters on (name, roles, status): 运营人员管理
   *  pages through it instead of scanning the table. */
  operatorDirectory: (login: string) => ({ PK: 'OPERATORS', SK: `LOGIN#${login}` }),
  operatorDirectoryPartition: 'OPERATORS',
  /** A right activation code waiting for the first code of the new authenticator, by the hash of its id. */
  operatorEnrolment: (enrolmentHash: string) => ({ PK: `OPENROL#${enrolmentHash}`, SK: 'OPENROL' }),
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
  /** A suspicious-pattern alert, and its timeline under it. */
  amlAlert: (alertId: string) => ({ PK: `AMLALERT#${alertId}`, SK: 'ALERT' }),
  amlAlertEvent: (alertId: string, at: string, type: string) => ({ PK: `AMLALERT#${alertId}`, SK: `EVENT#${at}#${type}` }),
  amlAlertEventPrefix: 'EVENT#',
  /** AML alerts listed by status (and under ALL), newest date first: a copy of each alert. */
  amlAlertIndex: (status: string, date: string, alertId: string) => ({ PK: `AMLALERTS#${status}`, SK: `${date}#${alertId}` }),
  amlAlertIndexPartition: (status: string) => `AMLALERTS#${status}`,
  /** Held while an account has an open alert of a pattern (of a day, for large values): the day
   *  close opens no second one. */
  amlOpenAlert: (marker: string, accountId: string) => ({ PK: `AMLOPEN#${accountId}`, SK: marker }),
  amlOpenAlertPartition: (accountId: string) => `AMLOPEN#${accountId}`,
  /** A suspicious transaction report filed on a customer, by when: their risk rating counts the
   *  last twelve months' (services/customer-risk-rating.ts). */
  amlReportFiled: (customerId: string, filedAt: string, alertId: string) => ({ PK: `AMLREPORTED#${customerId}`, SK: `${filedAt}#${alertId}` }),
  amlReportFiledPartition: (customerId: string) => `AMLREPORTED#${customerId}`,
  // ---- dashboard (经营看板) ----
  /** The dashboard's figures as the close of one business date left them. */
  dashboardSnapshot: (businessDate: string) => ({ PK: 'DASHBOARD', SK: `SNAPSHOT#${businessDate}` }),
  dashboardPartition: 'DASHBOARD',
  dashboardSnapshotPrefix: 'SNAPSHOT#',
} as const;

/** Entries per audit bucket: a page (at most 100 entries) spans two at most. */
export const AUDIT_BUCKET_SIZE = 100_000;
function auditBucket(seq: number): string {
  return `AUDIT#${String(Math.floor(seq / AUDIT_BUCKET_SIZE)).padStart(6, '0')}`;
}
function auditSeqKey(seq: number): string {
  return `SEQ#${String(seq).padStart(12, '0')}`;
}
