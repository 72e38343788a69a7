// Complaints and disputes (投诉与争议): a customer's ticket — a general complaint, or a dispute of
// one of their own movements — its status as the service desk moves it, and the date by which the
// bank must answer. The correction a dispute may call for (a journal a second operator approves)
// is domain/complaint-corrections.ts's.

export const COMPLAINT_CATEGORIES = ['DISPUTE', 'SERVICE', 'PRODUCT', 'OTHER'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];
export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  DISPUTE: '交易争议',
  SERVICE: '服务态度',
  PRODUCT: '产品问题',
  OTHER: '其他',
};

/** RECEIVED (已受理) → IN_PROGRESS (处理中, an agent took it) → ANSWERED (已答复) → CLOSED (已关闭,
 *  the customer confirmed the answer). An agent may answer a ticket nobody took yet. */
export const COMPLAINT_STATUSES = ['RECEIVED', 'IN_PROGRESS', 'ANSWERED', 'CLOSED'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  RECEIVED: '已受理',
  IN_PROGRESS: '处理中',
  ANSWERED: '已答复',
  CLOSED: '已关闭',
};

/** Tickets still waiting for the bank's answer: they count against the customer's limit and the
 *  deadline runs for them. */
export const OPEN_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['RECEIVED', 'IN_PROGRESS'];
export const isOpenComplaint = (status: ComplaintStatus): boolean => OPEN_COMPLAINT_STATUSES.includes(status);

/** How the console groups tickets: waiting for an answer, answered, closed. */
export const COMPLAINT_QUEUES = ['OPEN', 'ANSWERED', 'CLOSED'] as const;
export type ComplaintQueue = (typeof COMPLAINT_QUEUES)[number];
export const complaintQueue = (status: ComplaintStatus): ComplaintQueue => (isOpenComplaint(status) ? 'OPEN' : status === 'ANSWERED' ? 'ANSWERED' : 'CLOSED');

/** What the customer writes, counted in characters (code points), not UTF-16 units. */
export const COMPLAINT_DESCRIPTION_MIN_CHARS = 5;
export const COMPLAINT_DESCRIPTION_MAX_CHARS = 500;
/** The agent's answer, as the customer reads it. */
export const COMPLAINT_ANSWER_MIN_CHARS = 5;
export const COMPLAINT_ANSWER_MAX_CHARS = 1000;
/** Open tickets one customer may have at once: enough for any real grievance, not a flood. */
export const MAX_OPEN_COMPLAINTS = 5;
export const COMPLAINT_PAGE_DEFAULT = 20;
export const COMPLAINT_PAGE_MAX = 50;

/** Days the bank has to answer: 《银行业保险业消费投诉处理管理办法》(CBIRC Order 2020 No. 3) Art. 22
 *  — a decision within 15 days of receiving the complaint (30 when complex, which an agent
 *  decides and this deadline does not model). The figure is configuration (COMPLAINT_RESPONSE_DAYS). */
export const DEFAULT_COMPLAINT_RESPONSE_DAYS = 15;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The answer's deadline: the end (24:00 China time) of the `days`-th day after the day the
 *  complaint arrived — the day of receipt itself is not counted (Civil Code Art. 201). */
export function complaintDueAt(openedAt: Date, days: number): string {
  const chinaMidnight = Math.floor((openedAt.getTime() + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;
  return new Date(chinaMidnight + (days + 1) * DAY_MS - 1).toISOString();
}

/** Open past its deadline. */
export function isComplaintOverdue(ticket: { status: ComplaintStatus; dueAt: string }, now: Date): boolean {
  return isOpenComplaint(ticket.status) && now.getTime() > new Date(ticket.dueAt).getTime();
}

/** The movement a dispute names, as the customer saw it when disputing. */
export interface DisputedMovement {
  journalId: string;
  reference: string;
  label: string;
  counterparty: string;
  amountFen: number;
  createdAt: string;
}

export interface ComplaintTicket {
  ticketId: string;
  customerId: string;
  category: ComplaintCategory;
  description: string;
  movement?: DisputedMovement;
  status: ComplaintStatus;
  openedAt: string;
  dueAt: string;
  takenAt?: string;
  takenBy?: string;
  answer?: string;
  answeredAt?: string;
  answeredBy?: string;
  closedAt?: string;
}
