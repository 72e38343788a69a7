// Documents as PDF files (电子账户对账单, 贷款结清证明): which months a statement can cover, the
// statement's figures from the ledger's postings, and each document's content as a layout the PDF
// adapter draws (adapters/pdf-render.ts). Every figure is written here from integer fen, so the
// file says exactly what the server computed.
import { refuse } from './errors.js';
import { formatYuan } from './format.js';
import { KIND_LABELS } from './journal-kind-labels.js';
import type { JournalKind } from './ledger.js';
import { assertFen, sumFen } from './money.js';
import { businessDate, chinaMinute } from './time.js';

export const BANK_NAME = '近邻银行';
/** Months the statement list offers, newest first (ten years). */
export const MAX_STATEMENT_MONTHS = 120;
/** Movements one statement holds (~40 pages); a month with more is refused, not cut short. */
export const MAX_STATEMENT_ENTRIES = 2000;

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The first instant of a month in China (UTC+8), as the ISO time the ledger sorts by. */
function monthStartIso(year: number, month: number): string {
  return new Date(Date.UTC(year, month - 1, 1) - CST_OFFSET_MS).toISOString();
}

const monthOf = (date: string) => date.slice(0, 7);

function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/** 2026-12 → 2026年12月. */
export const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The months a statement can be asked for: from the account's opening to the current month (to
 *  date), newest first. */
export function statementMonths(openedAt: string, now: Date): string[] {
  const first = monthOf(businessDate(new Date(openedAt)));
  const months: string[] = [];
  for (let month = first; month <= monthOf(businessDate(now)); month = nextMonth(month)) months.push(month);
  return months.reverse().slice(0, MAX_STATEMENT_MONTHS);
}

export interface StatementPeriod {
  month: string;
  /** The ledger's ISO times: postings at or after `fromIso` and before `toIso`. */
  fromIso: string;
  toIso: string;
  /** The current month: the statement runs to the time it is made. */
  toDate: boolean;
}

/** The period of a month the customer may ask for; any other month is refused. */
export function statementPeriod(month: string, openedAt: string, now: Date): StatementPeriod {
  if (!statementMonths(openedAt, now).includes(month)) {
    return refuse('unprocessable', 'STATEMENT_MONTH_OUT_OF_RANGE', '只能查询开户以来至本月的对账单');
  }
  const [year, number] = month.split('-').map(Number) as [number, number];
  const [toYear, toNumber] = nextMonth(month).split('-').map(Number) as [number, number];
  return { month, fromIso: monthStartIso(year, number), toIso: monthStartIso(toYear, toNumber), toDate: month === monthOf(businessDate(now)) };
}

/** One posting to the customer's account, as the ledger holds it. */
export interface StatementPosting {
  kind: JournalKind;
  label: string;
  counterparty: string;
  amountFen: number;
  createdAt: string;
}

export interface StatementLine extends StatementPosting {
  /** The balance after this movement. */
  balanceFen: number;
}

export interface StatementFigures {
  openingFen: number;
  totalInFen: number;
  totalOutFen: number;
  closingFen: number;
  lines: StatementLine[];
}

/** The month's figures: the opening balance, each movement in time order with the running
 *  balance, the totals in and out (both unsigned) and the closing balance. */
export function statementFigures(openingFen: number, postings: readonly StatementPosting[]): StatementFigures {
  assertFen(openingFen);
  if (postings.length > MAX_STATEMENT_ENTRIES) {
    return refuse('too_large', 'STATEMENT_TOO_LARGE', `该月交易超过 ${MAX_STATEMENT_ENTRIES} 笔，请联系客服获取对账单`);
  }
  let balanceFen = openingFen;
  const lines = postings.map((posting) => {
    balanceFen = assertFen(balanceFen + posting.amountFen);
    return { ...posting, balanceFen };
  });
  const totalInFen = sumFen(postings.filter((p) => p.amountFen > 0).map((p) => p.amountFen));
  const totalOutFen = sumFen(postings.filter((p) => p.amountFen < 0).map((p) => -p.amountFen));
  return { openingFen, totalInFen, totalOutFen, closingFen: balanceFen, lines };
}

// ---- the layout the PDF adapter draws --------------------------------------------------------

export interface PdfColumn {
  header: string;
  /** Points, of the 515 between A4's margins. */
  width: number;
  align: 'left' | 'right';
}

export interface PdfDocument {
  /** The file's title (its metadata). */
  title: string;
  heading: string;
  /** Label and value lines under the heading. */
  facts: [string, string][];
  table?: { columns: PdfColumn[]; rows: string[][] };
  /** Paragraphs after the facts (and the table). */
  paragraphs: string[];
  /** Printed at the foot of every page. */
  footer: string;
}

const yuan = (amountFen: number) => `${formatYuan(amountFen)} 元`;
/** Two decimals always, as a statement's columns line up. */
const amount = (amountFen: number) => {
  const written = formatYuan(amountFen);
  return written.includes('.') ? written : `${written}.00`;
};
const footer = (now: Date) => `${BANK_NAME} · 生成时间 ${chinaMinute(now)}（北京时间） · 本文件由系统生成`;

export interface StatementHolder {
  nameMasked: string;
  accountNumberMasked: string;
}

export function statementDocument(period: StatementPeriod, holder: StatementHolder, figures: StatementFigures, now: Date): PdfDocument {
  const columns: PdfColumn[] = [
    { header: '时间', width: 72, align: 'left' },
    { header: '摘要', width: 140, align: 'left' },
    { header: '对方', width: 98, align: 'left' },
    { header: '收入', width: 65, align: 'right' },
    { header: '支出', width: 65, align: 'right' },
    { header: '余额', width: 75, align: 'right' },
  ];
  const rows = figures.lines.map((line) => [
    chinaMinute(new Date(line.createdAt)),
    line.label === KIND_LABELS[line.kind] ? line.label : `${KIND_LABELS[line.kind]} · ${line.label}`,
    line.counterparty,
    line.amountFen > 0 ? amount(line.amountFen) : '',
    line.amountFen < 0 ? amount(-line.amountFen) : '',
    amount(line.balanceFen),
  ]);
  const through = period.toDate ? `${chinaMinute(now)}（本月截至生成时）` : `${monthLabel(period.month)}末`;
  return {
    title: `${BANK_NAME}电子账户对账单 ${monthLabel(period.month)}`,
    heading: `${BANK_NAME}电子账户对账单 · ${monthLabel(period.month)}`,
    facts: [
      ['户名', holder.nameMasked],
      ['账号', holder.accountNumberMasked],
      ['账户类型', 'II 类电子账户'],
      ['对账期间', `${monthLabel(period.month)}1日 至 ${through}`],
      ['期初余额', yuan(figures.openingFen)],
      ['本期收入', `${yuan(figures.totalInFen)}（${figures.lines.filter((l) => l.amountFen > 0).length} 笔）`],
      ['本期支出', `${yuan(figures.totalOutFen)}（${figures.lines.filter((l) => l.amountFen < 0).length} 笔）`],
      ['期末余额', yuan(figures.closingFen)],
    ],
    table: { columns, rows },
    paragraphs: [
      rows.length === 0 ? '本期无交易。' : '金额单位：人民币元。时间为北京时间。',
      '期初余额 + 本期收入 − 本期支出 = 期末余额。如对账单有疑问，请在小程序内联系客服或发起投诉。',
    ],
    footer: footer(now),
  };
}

export interface PayoffCertificateFacts {
  borrowerNameMasked: string;
  idNumberMasked: string;
  loanId: string;
  contractNo: string;
  productName: string;
  principalFen: number;
  drawdownDate: string;
  payoffDate: string;
}

const dateLabel = (date: string) => `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

export function payoffCertificateDocument(facts: PayoffCertificateFacts, now: Date): PdfDocument {
  return {
    title: `${BANK_NAME}贷款结清证明 ${facts.contractNo}`,
    heading: '贷款结清证明',
    facts: [
      ['借款人', facts.borrowerNameMasked],
      ['证件号码', facts.idNumberMasked],
      ['借款编号', facts.loanId],
      ['合同编号', facts.contractNo],
      ['贷款产品', facts.productName],
      ['借款本金', yuan(facts.principalFen)],
      ['放款日期', dateLabel(facts.drawdownDate)],
      ['结清日期', dateLabel(facts.payoffDate)],
    ],
    paragraphs: [
      `兹证明：上述借款人在${BANK_NAME}的上述借款已于${dateLabel(facts.payoffDate)}全部结清。截至本证明开具之日，该笔借款项下的本金、利息及罚息均已还清，借款人在该笔借款项下不欠${BANK_NAME}任何款项。`,
      '特此证明。',
      `${BANK_NAME}　${dateLabel(businessDate(now))}`,
    ],
    footer: footer(now),
  };
}
