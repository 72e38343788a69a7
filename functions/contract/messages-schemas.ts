// The message centre (消息中心): a page of messages, the unread count, the read mark, preferences
// per category and the one-time WeChat subscriptions the customer accepted.
import * as z from 'zod/mini';
import { lazySchema } from '../domain/lazy-schema.js';
import { MESSAGE_CATEGORIES } from '../domain/messages.js';

const IsoTime = /* @__PURE__ */ lazySchema(() => z.string().check(z.meta({ description: 'ISO-8601 time' })));
const Category = /* @__PURE__ */ lazySchema(() => z.enum(MESSAGE_CATEGORIES).check(z.meta({ description: 'MONEY 动账; SECURITY 安全 (always on); SERVICE 服务' })));
const PerCategory = <T extends z.ZodMiniType>(value: () => T) => z.strictObject({ MONEY: value(), SECURITY: value(), SERVICE: value() });

export const MessagesQuery = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({
      limit: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
      cursor: z.optional(z.string().check(z.maxLength(600))),
      category: z.optional(Category),
    })
    .check(z.meta({ id: 'MessagesQuery' })),
);

export const MessageItem = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      messageId: z.string(),
      category: Category,
      kind: z.string().check(z.meta({ description: 'A stored message’s kind (PIN_CHANGED…) or a movement’s journal kind (TRANSFER…)' })),
      title: z.string(),
      body: z.string(),
      at: IsoTime,
      amountFen: z.optional(z.int().check(z.meta({ description: 'Money movements: signed, positive in, negative out' }))),
      entryId: z.optional(z.string().check(z.meta({ description: 'Money movements: the history entry (its receipt)' }))),
      unread: z.boolean(),
    })
    .check(z.meta({ id: 'MessageItem' })),
);

export const UnreadCount = /* @__PURE__ */ lazySchema(() =>
  z.object({ unread: z.int().check(z.meta({ description: 'Unread messages of the categories turned on, at most 99' })) }).check(z.meta({ id: 'UnreadCount' })),
);

export const MessagePage = /* @__PURE__ */ lazySchema(() =>
  z
    .object({ items: z.array(MessageItem), nextCursor: z.nullable(z.string()), unread: z.int() })
    .check(z.meta({ id: 'MessagePage', description: 'Newest first: the account’s movements and the stored messages merged' })),
);

export const MarkReadRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ upTo: z.optional(z.iso.datetime().check(z.meta({ description: 'The newest message seen; by default now' }))) })
    .check(z.meta({ id: 'MarkReadRequest' })),
);

export const MessagePreferencesRequest = /* @__PURE__ */ lazySchema(() =>
  PerCategory(() => z.boolean()).check(z.meta({ id: 'MessagePreferencesRequest', description: 'Which categories notify; SECURITY must stay true (422 SECURITY_MESSAGES_ALWAYS_ON)' })),
);

export const MessagePreferencesView = /* @__PURE__ */ lazySchema(() =>
  z
    .object({
      preferences: PerCategory(() => z.boolean()),
      grants: PerCategory(() => z.int()).check(z.meta({ description: 'One-time WeChat subscriptions held, each used by one send' })),
      templates: PerCategory(() => z.string()).check(z.meta({ description: 'The template id to request (wx.requestSubscribeMessage) per category' })),
    })
    .check(z.meta({ id: 'MessagePreferencesView' })),
);

export const SubscriptionGrantsRequest = /* @__PURE__ */ lazySchema(() =>
  z
    .strictObject({ accepted: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.minLength(1), z.maxLength(3)) })
    .check(z.meta({ id: 'SubscriptionGrantsRequest', description: 'The template ids wx.requestSubscribeMessage reported as accepted (422 UNKNOWN_TEMPLATE)' })),
);

export type MessageItem = z.infer<typeof MessageItem>;
export type MessagePage = z.infer<typeof MessagePage>;
export type MessagePreferencesView = z.infer<typeof MessagePreferencesView>;
export type MessagePreferencesRequest = z.infer<typeof MessagePreferencesRequest>;
export type UnreadCount = z.infer<typeof UnreadCount>;
