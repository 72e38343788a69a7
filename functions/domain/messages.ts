// The message centre (消息中心): what each kind of message is called, which category it is in
// (动账 / 安全 / 服务), and which categories a customer may turn off (never 安全).
/** Money movements (动账通知, derived from the ledger's postings), security events, service notices. */
export const MESSAGE_CATEGORIES = ['MONEY', 'SECURITY', 'SERVICE'] as const;
export type MessageCategory = (typeof MESSAGE_CATEGORIES)[number];

/** The stored messages' kinds (a money movement is not stored: it is the account's posting). */
export const MESSAGE_KINDS = [
  'NEW_DEVICE_SIGN_IN',
  'DEVICE_SIGNED_OUT',
  'PIN_CHANGED',
  'PIN_RESET',
  'CARD_CHANGED',
  'PHONE_CHANGED',
  'LOSS_REPORTED',
  'LOSS_LIFTED',
  'ACCOUNT_FROZEN',
  'ACCOUNT_UNFROZEN',
  'ACCOUNT_CLOSED',
  'PERSONAL_DATA_CORRECTED',
  'PERSONAL_DATA_EXPORTED',
  'CONSENT_WITHDRAWN',
  'COMPLAINT_ANSWERED',
  'CORRECTION_POSTED',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

interface KindRule {
  category: Exclude<MessageCategory, 'MONEY'>;
  title: string;
  body: string;
  /** Ends with 如非本人操作，请立即联系客服 (a change the customer may not have made). */
  warn: boolean;
}

export const MESSAGE_RULES: Record<MessageKind, KindRule> = {
  NEW_DEVICE_SIGN_IN: { category: 'SECURITY', title: '新设备登录', body: '您的账户在一台新设备上登录', warn: true },
  DEVICE_SIGNED_OUT: { category: 'SECURITY', title: '设备已退出登录', body: '一台设备已退出登录', warn: true },
  PIN_CHANGED: { category: 'SECURITY', title: '支付密码已修改', body: '您的支付密码已修改', warn: true },
  PIN_RESET: { category: 'SECURITY', title: '支付密码已重置', body: '您的支付密码已重置，指纹/面容支付已关闭', warn: true },
  CARD_CHANGED: { category: 'SECURITY', title: '绑定卡已更换', body: '您的电子账户绑定卡已更换', warn: true },
  PHONE_CHANGED: { category: 'SECURITY', title: '手机号已更换', body: '您的绑定手机号已更换', warn: true },
  LOSS_REPORTED: { category: 'SECURITY', title: '账户已挂失', body: '所有登录已退出，电子账户暂停付款和转出', warn: true },
  LOSS_LIFTED: { category: 'SECURITY', title: '已解除挂失', body: '您的账户已解除挂失', warn: true },
  ACCOUNT_FROZEN: { category: 'SECURITY', title: '账户已冻结', body: '您的电子账户已被银行冻结，暂停付款和转出，如有疑问请联系客服', warn: false },
  ACCOUNT_UNFROZEN: { category: 'SECURITY', title: '账户已解冻', body: '您的电子账户已解除冻结，可正常使用', warn: false },
  ACCOUNT_CLOSED: { category: 'SECURITY', title: '账户已销户', body: '您的电子账户已销户，余额已转入绑定卡', warn: true },
  PERSONAL_DATA_CORRECTED: { category: 'SECURITY', title: '个人信息已更正', body: '您的个人信息已更正', warn: true },
  PERSONAL_DATA_EXPORTED: { category: 'SECURITY', title: '个人信息副本已导出', body: '您的个人信息副本已导出', warn: true },
  CONSENT_WITHDRAWN: { category: 'SERVICE', title: '授权已撤回', body: '您已撤回一项可选授权', warn: false },
  COMPLAINT_ANSWERED: { category: 'SERVICE', title: '投诉已答复', body: '您的投诉已有答复，请查看', warn: false },
  CORRECTION_POSTED: { category: 'SERVICE', title: '差错已更正', body: '一笔交易的差错已更正，请查看交易明细', warn: false },
};

/** A stored message's text: the kind's body, the detail (尾号 1234, a device and place…) and, for a
 *  change the customer may not have made, where to turn. */
export function messageText(kind: MessageKind, detail: string | undefined): string {
  const rule = MESSAGE_RULES[kind];
  return `${rule.body}${detail ? `（${detail}）` : ''}。${rule.warn ? '如非本人操作，请立即联系客服。' : ''}`;
}

/** The longest `detail` a message carries (a device and place, a card's last four digits…). */
export const MAX_MESSAGE_DETAIL = 60;
/** The longest `ref` (what makes a message unique for its kind). */
export const MAX_MESSAGE_REF = 100;

/** Categories the customer turns on or off; 安全 is always on. */
export type MessagePreferences = Record<MessageCategory, boolean>;
export const DEFAULT_MESSAGE_PREFERENCES: MessagePreferences = { MONEY: true, SECURITY: true, SERVICE: true };

/** A money movement's message title: money in or out. */
export const movementTitle = (amountFen: number): string => (amountFen >= 0 ? '入账通知' : '支出通知');
