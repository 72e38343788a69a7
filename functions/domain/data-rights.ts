// The customer's rights over their personal data (个人信息保护法 Arts. 44–47): what is held and
// why (the categories below, each with its purpose, legal basis and retention), a copy of it
// (JSON and a readable PDF), correction of what the customer may correct, optional consents
// (opt-in, withdrawable, with their history), and deletion once the retention period after 销户
// has ended (never before: the Anti-Money-Laundering Law keeps identity and transaction records
// 10 years after the relationship ends, domain/account-closure.ts).
import type { PdfDocument } from './documents.js';
import { BANK_NAME } from './documents.js';
import { refuse } from './errors.js';
import { formatYuan } from './format.js';
import { chinaMinute } from './time.js';

/** What the bank holds about a customer, in the order the summary lists them. */
export const DATA_CATEGORIES = ['IDENTITY', 'CONTACT', 'WECHAT', 'ACCOUNT', 'TRANSACTIONS', 'LOANS', 'WEALTH', 'BILLS', 'SERVICE', 'REFERRAL', 'SECURITY', 'CONSENTS'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

const AML_RETENTION = (years: number) => `销户（业务关系结束）后保存 ${years} 年（《反洗钱法》），期满后删除或匿名化`;
const CONTRACT = '为订立、履行您作为一方当事人的合同所必需（《个人信息保护法》第十三条第一款第二项）';
const LEGAL_DUTY = '为履行法定职责或者法定义务所必需（《个人信息保护法》第十三条第一款第三项）';

/** Each category's name, what it holds, its purpose and legal basis, and how long it is kept. */
export function categoryTerms(category: DataCategory, retentionYears: number): { title: string; holds: string; purpose: string; legalBasis: string; retention: string } {
  const aml = AML_RETENTION(retentionYears);
  const terms: Record<DataCategory, { title: string; holds: string; purpose: string; legalBasis: string; retention: string }> = {
    IDENTITY: {
      title: '身份信息',
      holds: '姓名、居民身份证号码、实名认证时间',
      purpose: '开立电子账户时核验您的身份（账户实名制），反洗钱客户身份识别',
      legalBasis: `${LEGAL_DUTY}：《反洗钱法》《人民币银行结算账户管理办法》`,
      retention: aml,
    },
    CONTACT: {
      title: '联系方式',
      holds: '绑定手机号',
      purpose: '登录与身份验证、交易与安全通知、找回支付密码',
      legalBasis: CONTRACT,
      retention: aml,
    },
    WECHAT: {
      title: '微信标识',
      holds: '微信 openid（不含微信昵称、头像）',
      purpose: '用微信登录小程序',
      legalBasis: CONTRACT,
      retention: aml,
    },
    ACCOUNT: {
      title: '账户与银行卡',
      holds: '电子账户号、账户状态与余额、绑定银行卡及更换记录、销户记录',
      purpose: '提供电子账户服务，充值与提现到您本人名下的绑定卡',
      legalBasis: `${CONTRACT}；${LEGAL_DUTY}`,
      retention: aml,
    },
    TRANSACTIONS: {
      title: '交易记录',
      holds: '充值、提现、转账、缴费、贷款与理财资金往来的时间、金额、对方（已脱敏）',
      purpose: '记账、对账单与电子回单、反洗钱交易监测',
      legalBasis: `${LEGAL_DUTY}：《反洗钱法》交易记录保存义务`,
      retention: `${aml}；账务金额作为银行账簿永久保留，但不再关联您的个人信息`,
    },
    LOANS: {
      title: '借款信息',
      holds: '借款申请（工作单位、月收入）、征信查询结果、授信额度、借款合同与还款记录',
      purpose: '授信审批、贷后管理、按规定报送征信',
      legalBasis: `${CONTRACT}；${LEGAL_DUTY}：《征信业管理条例》`,
      retention: aml,
    },
    WEALTH: {
      title: '理财信息',
      holds: '风险承受能力测评结果、理财持仓与交易订单',
      purpose: '投资者适当性管理（只向您推荐与您风险等级相符的产品）、份额登记',
      legalBasis: `${CONTRACT}；${LEGAL_DUTY}：《商业银行理财业务监督管理办法》`,
      retention: aml,
    },
    BILLS: {
      title: '生活缴费',
      holds: '缴费户号（已加密保存）、缴费记录、常用缴费户及其备注名',
      purpose: '向收费单位查询账单并代为缴费、自动缴费',
      legalBasis: CONTRACT,
      retention: aml,
    },
    SERVICE: {
      title: '投诉与客服记录',
      holds: '您提交的投诉与争议、客服答复',
      purpose: '处理您的投诉与交易争议',
      legalBasis: `${LEGAL_DUTY}：《银行保险机构消费者权益保护管理办法》`,
      retention: aml,
    },
    REFERRAL: {
      title: '客户经理推荐关系',
      holds: '您通过哪位客户经理的推荐链接开户、首次访问时间',
      purpose: '为您指定服务的客户经理并核算其业绩（客户经理只能看到您的脱敏姓名与手机号）',
      legalBasis: CONTRACT,
      retention: aml,
    },
    SECURITY: {
      title: '登录与安全',
      holds: '登录会话、支付密码（仅保存不可逆的摘要，无人能看到密码）、指纹/面容支付开通状态、挂失记录',
      purpose: '保护您的账户与资金安全',
      legalBasis: CONTRACT,
      retention: '登录会话到期即失效；其余随账户保存，销户后按反洗钱规定的期限保存',
    },
    CONSENTS: {
      title: '授权记录',
      holds: '营销信息与个性化推荐的授权及撤回时间',
      purpose: '按您的选择推送信息、证明您的授权',
      legalBasis: `${LEGAL_DUTY}：《个人信息保护法》第十四条、第十五条`,
      retention: aml,
    },
  };
  return terms[category];
}

// ---- optional consents ---------------------------------------------------------------------

/** Optional consents: nothing the bank's service needs. Opt-in: none is given until the customer
 *  turns it on (《个人信息保护法》第十四条: consent is voluntary and explicit; a default "yes" is
 *  not one), and each may be withdrawn at any time as easily as it was given (第十五条). */
export const CONSENT_KINDS = ['MARKETING', 'PERSONALISATION'] as const;
export type ConsentKind = (typeof CONSENT_KINDS)[number];

export const CONSENT_TEXT: Record<ConsentKind, { title: string; text: string }> = {
  MARKETING: {
    title: '接收营销信息',
    text: '通过短信和小程序消息向您介绍近邻银行的产品与活动。关闭后不再发送营销信息，交易与安全通知不受影响。',
  },
  PERSONALISATION: {
    title: '个性化推荐',
    text: '根据您的交易、持仓与风险测评为您推荐产品。关闭后，您看到的推荐不针对您的个人特征（《个人信息保护法》第二十四条）。',
  },
};

export interface ConsentState {
  granted: boolean;
  /** When it was last given or withdrawn; null: never asked (not given). */
  changedAt: string | null;
}

/** The consents as stored on the customer; an absent one was never given. */
export type StoredConsents = Partial<Record<ConsentKind, { granted: boolean; changedAt: string }>>;

export function consentStates(stored: StoredConsents | undefined): Record<ConsentKind, ConsentState> {
  const state = (kind: ConsentKind): ConsentState => {
    const given = stored?.[kind];
    return given ? { granted: given.granted, changedAt: given.changedAt } : { granted: false, changedAt: null };
  };
  return { MARKETING: state('MARKETING'), PERSONALISATION: state('PERSONALISATION') };
}

/** One change of a consent, as its history keeps it. */
export interface ConsentChange {
  kind: ConsentKind;
  granted: boolean;
  at: string;
}

/** How many consent changes the history keeps readable at once (the summary and the copy). */
export const MAX_CONSENT_HISTORY = 100;

// ---- deletion ------------------------------------------------------------------------------

/** A request to delete before the retention period has ended is answered with the rule: while
 *  the account is open, close it first; after, the date the records will be deleted. */
export function refuseEarlyDeletion(closure: { closedAt: string; retainUntil: string } | undefined, retentionYears: number): never {
  if (!closure) {
    return refuse(
      'conflict',
      'DELETION_ACCOUNT_OPEN',
      `电子账户仍在使用，无法删除个人信息。销户后，依据《反洗钱法》，您的身份资料和交易记录须自销户之日起保存 ${retentionYears} 年，期满后我行将自动删除或匿名化处理。`,
    );
  }
  return refuse(
    'conflict',
    'DELETION_RETENTION_PERIOD',
    `依据《反洗钱法》，您的身份资料和交易记录须自销户之日起保存 ${retentionYears} 年，保存期至 ${closure.retainUntil.slice(0, 10)}。期满后我行将自动删除或匿名化处理，无需再次申请；保存期间仅用于履行法定义务。`,
  );
}

/** Closed customers whose retention ended that one run of the deletion job handles at most; the
 *  next run takes the rest. */
export const MAX_DELETIONS_PER_RUN = 100;

/** Written where a deleted customer's personal values were, so nothing reads as missing by
 *  accident: 已删除. */
export const DELETED_VALUE = '已删除';

// ---- the copy --------------------------------------------------------------------------------

/** How much of each record the copy holds: the oldest first, to these bounds; a section cut short
 *  says so, and the rest is in the statements (对账单) or from 客服. */
export const DATA_COPY_SECTIONS = ['postings', 'billPayments', 'wealthOrders', 'complaints', 'consentHistory'] as const;
export type DataCopySection = (typeof DATA_COPY_SECTIONS)[number];
export const DATA_COPY_LIMITS: Readonly<Record<DataCopySection, number>> = {
  postings: 2000,
  billPayments: 500,
  wealthOrders: 500,
  complaints: 200,
  consentHistory: MAX_CONSENT_HISTORY,
};

/** The JSON copy's size bound: well inside a Lambda answer (6 MB) once base64. */
export const MAX_DATA_COPY_BYTES = 3 * 1024 * 1024;

export function assertCopySize(bytes: number): void {
  if (bytes > MAX_DATA_COPY_BYTES) refuse('too_large', 'DATA_COPY_TOO_LARGE', '个人信息副本超过 3 MB，请联系客服获取完整副本');
}

/** What the readable copy prints: the facts of the person and the account, the movements as a
 *  table, and every other record as lines of text. */
export interface DataCopyFacts {
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  createdAt: string;
  accountNumber: string | null;
  accountStatus: string | null;
  balanceFen: number | null;
  boundCard: string | null;
  consents: Record<ConsentKind, ConsentState>;
  postings: { createdAt: string; label: string; counterparty: string; amountFen: number }[];
  /** Other records, each a line, by section title. */
  sections: [string, string[]][];
  truncated: DataCopySection[];
}

const amount = (amountFen: number) => {
  const written = formatYuan(Math.abs(amountFen));
  return written.includes('.') ? written : `${written}.00`;
};

export function dataCopyDocument(facts: DataCopyFacts, now: Date): PdfDocument {
  const consent = (kind: ConsentKind) => {
    const state = facts.consents[kind];
    return state.granted ? `已同意（${chinaMinute(new Date(state.changedAt!))}）` : state.changedAt ? `已撤回（${chinaMinute(new Date(state.changedAt))}）` : '未同意';
  };
  const paragraphs = facts.sections.flatMap(([title, lines]) => [`【${title}】`, ...(lines.length > 0 ? lines : ['无'])]);
  const cut = facts.truncated.map((section) => `${SECTION_TITLES[section]}只含最早的 ${DATA_COPY_LIMITS[section]} 条`);
  return {
    title: `${BANK_NAME}个人信息副本`,
    heading: `${BANK_NAME}个人信息副本`,
    facts: [
      ['姓名', facts.name ?? '未实名'],
      ['身份证号', facts.idNumber ?? '未实名'],
      ['手机号', facts.phone ?? '未绑定'],
      ['注册时间', chinaMinute(new Date(facts.createdAt))],
      ['电子账户', facts.accountNumber ?? '未开户'],
      ['账户状态', facts.accountStatus ?? '—'],
      ['账户余额', facts.balanceFen === null ? '—' : `${amount(facts.balanceFen)} 元`],
      ['绑定银行卡', facts.boundCard ?? '—'],
      [CONSENT_TEXT.MARKETING.title, consent('MARKETING')],
      [CONSENT_TEXT.PERSONALISATION.title, consent('PERSONALISATION')],
    ],
    table: {
      columns: [
        { header: '时间', width: 90, align: 'left' },
        { header: '摘要', width: 150, align: 'left' },
        { header: '对方', width: 135, align: 'left' },
        { header: '收入', width: 70, align: 'right' },
        { header: '支出', width: 70, align: 'right' },
      ],
      rows: facts.postings.map((p) => [chinaMinute(new Date(p.createdAt)), p.label, p.counterparty, p.amountFen > 0 ? amount(p.amountFen) : '', p.amountFen < 0 ? amount(p.amountFen) : '']),
    },
    paragraphs: [
      '本副本含您本人的完整个人信息，请妥善保管，不要转发给他人。金额单位：人民币元；时间为北京时间。',
      ...(cut.length > 0 ? [`本副本有数量上限：${cut.join('；')}。其余记录请查看对账单或联系客服获取。`] : []),
      ...paragraphs,
    ],
    footer: `${BANK_NAME} · 生成时间 ${chinaMinute(now)}（北京时间） · 本文件由系统生成`,
  };
}

export const SECTION_TITLES: Record<DataCopySection, string> = {
  postings: '交易记录',
  billPayments: '缴费记录',
  wealthOrders: '理财订单',
  complaints: '投诉记录',
  consentHistory: '授权记录',
};
