// What a customer did that the bank counts: the steps of the relationship managers' funnel. Each
// capability records its own events; attribution to a manager reads them.
export const CUSTOMER_EVENT_KINDS = [
  'SIGNED_UP',
  'REAL_NAME_VERIFIED',
  'ACCOUNT_OPENED',
  'LOAN_APPLIED',
  'LOAN_APPROVED',
  'LOAN_DRAWN',
  'WEALTH_PURCHASED',
  'BILL_PAID',
  /** A forgotten payment PIN reset (忘记支付密码): not a funnel stage, kept for the record. */
  'PIN_RESET',
  /** 挂失 and its lift: security events, kept for the record. */
  'LOSS_REPORTED',
  'LOSS_LIFTED',
  /** The bound card changed (更换绑定卡): a security event, kept for the record. */
  'CARD_CHANGED',
  /** The bound phone changed (更换手机号): a security event, kept for the record. */
  'PHONE_CHANGED',
] as const;
export type CustomerEventKind = (typeof CUSTOMER_EVENT_KINDS)[number];

/** The kinds the bank-wide funnel of the dashboard counts (each customer once per kind). */
export const FUNNEL_EVENT_KINDS = [
  'SIGNED_UP',
  'REAL_NAME_VERIFIED',
  'ACCOUNT_OPENED',
  'LOAN_APPLIED',
  'LOAN_APPROVED',
  'LOAN_DRAWN',
  'WEALTH_PURCHASED',
  'BILL_PAID',
] as const satisfies readonly CustomerEventKind[];
export type FunnelEventKind = (typeof FUNNEL_EVENT_KINDS)[number];
export const isFunnelEventKind = (kind: CustomerEventKind): kind is FunnelEventKind => (FUNNEL_EVENT_KINDS as readonly string[]).includes(kind);

/** Which product an event concerns: a loan product, a wealth product or a biller category. */
export type ProductRef = { type: 'LOAN' | 'WEALTH' | 'BILL'; id: string };

export interface CustomerEvent {
  customerId: string;
  kind: CustomerEventKind;
  /** ISO time it happened. */
  at: string;
  /** What makes the event unique for its kind (a journal id, an application id…): recording the
   *  same event twice keeps one. */
  ref: string;
  amountFen?: number;
  product?: ProductRef;
}
