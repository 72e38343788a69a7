// The message centre (消息中心) and WeChat subscription messages (订阅消息).
//
// Money movements (动账通知) are the account's postings, read as messages: no money path writes
// anything more. Security events and service notices are stored by the workflow that made the
// change, through postMessage, once the change is stored. The centre merges both, newest first;
// what is unread is what came after the customer's read mark.
//
// WeChat: the customer grants one-time subscriptions per category (wx.requestSubscribeMessage);
// each send uses one grant, claimed in the same write that marks the message pushed, so a retry
// never sends twice. A security event is pushed right after it is stored; money movements by the
// push job (pushMoneyMessages), which walks each granted customer's new postings from a cursor.
import * as z from 'zod/mini';
import { wechat } from '../adapters/wechat.js';
import { refuse } from '../domain/errors.js';
import { formatYuan } from '../domain/format.js';
import { KIND_LABELS } from '../domain/journal-kind-labels.js';
import { lazySchema } from '../domain/lazy-schema.js';
import type { JournalKind } from '../domain/ledger.js';
import {
  DEFAULT_MESSAGE_PREFERENCES,
  MAX_MESSAGE_DETAIL,
  MAX_MESSAGE_REF,
  MESSAGE_CATEGORIES,
  MESSAGE_RULES,
  type MessageCategory,
  type MessageKind,
  type MessagePreferences,
  messageText,
  movementTitle,
} from '../domain/messages.js';
import { logger } from '../platform/logger.js';
import { allInOrder } from '../platform/all-in-order.js';
import { getCustomer } from '../store/customers.js';
import { keys } from '../store/keys.js';
import * as store from '../store/messages.js';
import { loadCustomer } from './customer-guards.js';

export interface MessageInput {
  customerId: string;
  kind: MessageKind;
  /** Unique per kind for the customer (the stored change's id): posting it again keeps one. */
  ref: string;
  /** When it happened: the stored change's time. */
  at: Date | string;
  /** A short detail shown after the kind's body (masked values only). */
  detail?: string;
}

/** The subscription template of each category (registered in the mini-program's WeChat console). */
export function templateIds(): Record<MessageCategory, string> {
  return {
    MONEY: process.env.WECHAT_MONEY_TEMPLATE_ID ?? 'money-movement',
    SECURITY: process.env.WECHAT_SECURITY_TEMPLATE_ID ?? 'security-event',
    SERVICE: process.env.WECHAT_SERVICE_TEMPLATE_ID ?? 'service-notice',
  };
}

/** WeChat "thing" fields take at most 20 characters. */
const thing = (text: string) => [...text].slice(0, 20).join('');
const wechatTime = (at: string) => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
const MESSAGE_PAGE = 'packageMessages/pages/centre/index';

/**
 * Stores a security event or service notice for the customer's message centre, once per kind and
 * ref, and pushes it to WeChat when the customer holds a grant for its category (and has not
 * turned the category off). Called once the change it tells of is stored; never throws: the
 * change stands whether or not its message is written (a failure is logged for operations).
 */
export async function postMessage(input: MessageInput): Promise<void> {
  try {
    const rule = MESSAGE_RULES[input.kind];
    const at = typeof input.at === 'string' ? input.at : input.at.toISOString();
    const detail = input.detail === undefined ? undefined : [...input.detail].slice(0, MAX_MESSAGE_DETAIL).join('');
    const ref = input.ref.slice(0, MAX_MESSAGE_REF);
    const { stored, sortKey } = await store.putMessage(input.customerId, { kind: input.kind, category: rule.category, ref, at, ...(detail ? { detail } : {}) });
    if (!stored) return;
    await pushStoredMessage(input.customerId, rule.category, sortKey, { thing1: thing(rule.title), time2: wechatTime(at), thing3: thing(detail ?? rule.body) });
  } catch (error) {
    logger.error('message not posted', { kind: input.kind, error: error instanceof Error ? error.name : String(error) });
  }
}

async function pushStoredMessage(customerId: string, category: Exclude<MessageCategory, 'MONEY'>, sortKey: string, data: Record<string, string>): Promise<void> {
  const state = await store.getMessageState(customerId);
  if (!categoryOn(state.preferences, category) || !(state.grants[category] ?? 0)) return;
  const customer = await getCustomer(customerId);
  if (!customer || !(await store.claimMessagePush(customerId, category, sortKey))) return;
  const sent = await wechat().sendSubscribeMessage({ openid: customer.openid, templateId: templateIds()[category], page: MESSAGE_PAGE, data });
  await store.recordPush(customerId, sortKey, sent ? 'SENT' : 'REFUSED');
}

const categoryOn = (preferences: Partial<MessagePreferences>, category: MessageCategory) => category === 'SECURITY' || (preferences[category] ?? DEFAULT_MESSAGE_PREFERENCES[category]);

// ---- the centre ----

export const MAX_MESSAGE_PAGE = 50;
/** Unread counts stop here (the badge shows 99+). */
export const MAX_UNREAD = 99;

export interface MessageView {
  messageId: string;
  category: MessageCategory;
  kind: MessageKind | JournalKind;
  title: string;
  body: string;
  at: string;
  /** Money movements: the signed amount (+ in, − out), and the history entry it is. */
  amountFen?: number;
  entryId?: string;
  unread: boolean;
}

const Cursor = /* @__PURE__ */ lazySchema(() =>
  z.object({
    p: z.optional(z.string().check(z.startsWith(keys.postingPrefix), z.maxLength(300))),
    m: z.optional(z.string().check(z.startsWith(store.MESSAGE_PREFIX), z.maxLength(300))),
    pe: z.optional(z.boolean()),
    me: z.optional(z.boolean()),
  }),
);
type Cursor = z.infer<typeof Cursor>;
const INVALID_CURSOR = ['invalid', 'INVALID_CURSOR', '分页参数无效'] as const;

function readCursor(cursor: string | undefined): Cursor {
  if (cursor === undefined) return {};
  try {
    const parsed = Cursor.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: refused below.
  }
  return refuse(...INVALID_CURSOR);
}

interface Line {
  sortKey: string;
  at: string;
  stream: 'p' | 'm';
  view: Omit<MessageView, 'unread'>;
}

function movementLine(item: Record<string, unknown>): Line {
  const kind = item.kind as JournalKind;
  const amountFen = Number(item.amountFen);
  const at = String(item.createdAt);
  return {
    sortKey: String(item.SK),
    at,
    stream: 'p',
    view: {
      messageId: `P.${String(item.journalId)}`,
      category: 'MONEY',
      kind,
      title: movementTitle(amountFen),
      // The amount is the message's own field (amountFen), shown beside the text.
      body: `${KIND_LABELS[kind] ?? String(item.label)} · ${String(item.counterparty)}`,
      at,
      amountFen,
      entryId: String(item.journalId),
    },
  };
}

function storedLine(message: store.StoredMessage): Line {
  const rule = MESSAGE_RULES[message.kind];
  return {
    sortKey: message.sortKey,
    at: message.at,
    stream: 'm',
    view: {
      messageId: `M.${Buffer.from(message.sortKey).toString('base64url')}`,
      category: message.category,
      kind: message.kind,
      title: rule.title,
      body: messageText(message.kind, message.detail),
      at: message.at,
    },
  };
}

export interface MessagesRequest {
  limit: number;
  cursor: string | undefined;
  category: MessageCategory | undefined;
}

/** A page of the customer's messages, newest first: the account's movements and the stored
 *  messages merged (or one category), with the unread count. */
export async function messages(customerId: string, { limit, cursor, category }: MessagesRequest) {
  const customer = await loadCustomer(customerId);
  const wanted = Math.min(limit, MAX_MESSAGE_PAGE);
  const from = readCursor(cursor);
  const accountId = customer.accountId;
  const walkPostings = accountId !== undefined && !from.pe && (category === undefined || category === 'MONEY');
  const walkMessages = !from.me && category !== 'MONEY';
  const [postings, stored, state] = await allInOrder([
    walkPostings ? store.newestFirst(keys.balance(accountId).PK, keys.postingPrefix, from.p, wanted) : Promise.resolve({ items: [], more: false }),
    walkMessages ? store.messagePage(customerId, from.m, wanted, category === undefined ? undefined : category) : Promise.resolve({ items: [], more: false }),
    store.getMessageState(customerId),
  ] as const);
  const lines = [...postings.items.map(movementLine), ...stored.items.map(storedLine)].sort((a, b) => (a.at === b.at ? (a.sortKey < b.sortKey ? 1 : -1) : a.at < b.at ? 1 : -1));
  const page = lines.slice(0, wanted);
  // Each walk goes on after the last of its lines this page shows; a walk all shown and at its
  // end is done.
  const lastOf = (stream: 'p' | 'm') => page.filter((line) => line.stream === stream).at(-1)?.sortKey;
  const next: Cursor = {
    p: lastOf('p') ?? from.p,
    m: lastOf('m') ?? from.m,
    pe: !walkPostings || (!postings.more && page.filter((line) => line.stream === 'p').length === postings.items.length),
    me: !walkMessages || (!stored.more && page.filter((line) => line.stream === 'm').length === stored.items.length),
  };
  const done = next.pe && next.me;
  return {
    items: page.map((line) => ({ ...line.view, unread: isUnread(line, state) })),
    nextCursor: done ? null : Buffer.from(JSON.stringify(next)).toString('base64url'),
    unread: await unreadCount(customerId, accountId, state),
  };
}

const isUnread = (line: Line, state: store.MessageState) => categoryOn(state.preferences, line.view.category) && (state.readUpTo === undefined || line.at > state.readUpTo);

async function unreadCount(customerId: string, accountId: string | undefined, state: store.MessageState): Promise<number> {
  const counted = MESSAGE_CATEGORIES.filter((category) => category !== 'MONEY' && categoryOn(state.preferences, category));
  const [money, others] = await allInOrder([
    accountId !== undefined && categoryOn(state.preferences, 'MONEY') ? store.countAfter(keys.balance(accountId).PK, keys.postingPrefix, state.readUpTo, MAX_UNREAD) : Promise.resolve(0),
    store.countMessagesAfter(customerId, state.readUpTo, MAX_UNREAD, counted),
  ] as const);
  return Math.min(MAX_UNREAD, money + others);
}

/** The unread count alone, for the home page's badge. */
export async function unread(customerId: string): Promise<{ unread: number }> {
  const customer = await loadCustomer(customerId);
  return { unread: await unreadCount(customerId, customer.accountId, await store.getMessageState(customerId)) };
}

/** Marks every message up to `upTo` (the newest the customer saw; by default now) read. */
export async function markRead(customerId: string, upTo: string | undefined, now: Date): Promise<{ unread: number }> {
  await loadCustomer(customerId);
  const mark = upTo === undefined || upTo > now.toISOString() ? now.toISOString() : upTo;
  await store.markReadUpTo(customerId, mark);
  return unread(customerId);
}

export interface PreferencesView {
  preferences: MessagePreferences;
  /** One-time WeChat grants held per category. */
  grants: Record<MessageCategory, number>;
  /** The template to request (wx.requestSubscribeMessage) for each category. */
  templates: Record<MessageCategory, string>;
}

async function preferencesView(customerId: string): Promise<PreferencesView> {
  const state = await store.getMessageState(customerId);
  const preferences = Object.fromEntries(MESSAGE_CATEGORIES.map((category) => [category, categoryOn(state.preferences, category)])) as MessagePreferences;
  const grants = Object.fromEntries(MESSAGE_CATEGORIES.map((category) => [category, Math.max(0, state.grants[category] ?? 0)])) as Record<MessageCategory, number>;
  return { preferences, grants, templates: templateIds() };
}

export async function preferences(customerId: string): Promise<PreferencesView> {
  await loadCustomer(customerId);
  return preferencesView(customerId);
}

export async function savePreferences(customerId: string, wanted: MessagePreferences): Promise<PreferencesView> {
  await loadCustomer(customerId);
  if (!wanted.SECURITY) refuse('unprocessable', 'SECURITY_MESSAGES_ALWAYS_ON', '安全提醒不能关闭');
  await store.savePreferences(customerId, wanted);
  return preferencesView(customerId);
}

/** Grants one category holds at most: WeChat keeps each accepted one-time subscription until it
 *  is used; more than this is more than a customer could want pushed. */
export const MAX_GRANTS_HELD = 50;

/** Records the one-time subscriptions the customer accepted (the template ids WeChat reported). */
export async function recordGrants(customerId: string, accepted: readonly string[], now: Date): Promise<PreferencesView> {
  await loadCustomer(customerId);
  const templates = templateIds();
  const byTemplate = new Map(MESSAGE_CATEGORIES.map((category) => [templates[category], category]));
  const categories = accepted.map((templateId) => byTemplate.get(templateId) ?? refuse('unprocessable', 'UNKNOWN_TEMPLATE', '未知的订阅消息模板'));
  for (const category of new Set(categories)) await store.addGrants(customerId, category, 1, MAX_GRANTS_HELD, now);
  return preferencesView(customerId);
}

// ---- the money-movement push job ----

/** Customers one run reads per shard, and postings per customer: a run stays bounded; the rest
 *  waits for the next run. */
const PUSH_CUSTOMERS_PER_SHARD = 100;
const PUSH_POSTINGS_PER_CUSTOMER = 10;

export interface PushReport {
  customers: number;
  sent: number;
  refused: number;
}

/** Pushes each granted customer's new movements, oldest first, a grant each, while grants last. */
export async function pushMoneyMessages(): Promise<PushReport> {
  const report: PushReport = { customers: 0, sent: 0, refused: 0 };
  for (let shard = 0; shard < store.PUSH_SHARDS; shard++) {
    for (const { customerId, listedAt } of await store.pushListed(shard, PUSH_CUSTOMERS_PER_SHARD)) {
      report.customers += 1;
      try {
        await pushCustomerMovements(customerId, listedAt, report);
      } catch (error) {
        // One customer's trouble must not stop the others; the cursor did not move past it.
        logger.error('money push failed for a customer', { error: error instanceof Error ? error.name : String(error) });
      }
    }
  }
  return report;
}

async function pushCustomerMovements(customerId: string, listedAt: string, report: PushReport): Promise<void> {
  const [customer, state] = await allInOrder([getCustomer(customerId), store.getMessageState(customerId)] as const);
  let cursor = state.moneyCursor;
  let grants = state.grants.MONEY ?? 0;
  if (!customer?.accountId || cursor === undefined || grants <= 0) {
    await store.unlistPush(customerId, listedAt);
    return;
  }
  const on = categoryOn(state.preferences, 'MONEY');
  for (const posting of await store.postingsAfter(customer.accountId, cursor, Math.min(grants, PUSH_POSTINGS_PER_CUSTOMER))) {
    const next = String(posting.SK);
    // Turned off: the movement is passed over and no grant is used.
    if (!on) {
      if (!(await store.advanceMoneyCursor(customerId, cursor, next, false))) return;
      cursor = next;
      continue;
    }
    // The claim moves the cursor from where this run read it: another run (or a retry) that got
    // there first makes it fail, and this one stops without sending.
    if (!(await store.advanceMoneyCursor(customerId, cursor, next, true))) return;
    cursor = next;
    grants -= 1;
    const line = movementLine(posting);
    const amountFen = line.view.amountFen ?? 0;
    const sent = await wechat().sendSubscribeMessage({
      openid: customer.openid,
      templateId: templateIds().MONEY,
      page: `packageReceipts/pages/receipt/index?entryId=${line.view.entryId}`,
      data: { thing1: thing(KIND_LABELS[line.view.kind as JournalKind] ?? line.view.title), amount2: `${amountFen >= 0 ? '+' : '-'}${formatYuan(Math.abs(amountFen))}`, time3: wechatTime(line.at) },
    });
    if (sent) report.sent += 1;
    else report.refused += 1;
  }
  if (grants <= 0) await store.unlistPush(customerId, listedAt);
}
