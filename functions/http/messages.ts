// The message centre (消息中心): the messages, the unread count and read mark, preferences and
// the one-time WeChat subscriptions accepted.
import { messagesRoutes as routes } from '../contract/messages-routes.js';
import { markRead, messages, preferences, recordGrants, savePreferences, unread } from '../services/messages.js';
import { defineRoute, lambda } from './route.js';

const list = defineRoute('messages', routes.messages, ({ customerId, query }) =>
  messages(customerId, { limit: query.limit ?? 20, cursor: query.cursor, category: query.category }),
);

const unreadCount = defineRoute('messagesUnread', routes.messagesUnread, ({ customerId }) => unread(customerId));

const read = defineRoute('messagesRead', routes.messagesRead, ({ customerId, body, now }) => markRead(customerId, body.upTo, now));

const getPreferences = defineRoute('messagePreferences', routes.messagePreferences, ({ customerId }) => preferences(customerId));

const putPreferences = defineRoute('saveMessagePreferences', routes.saveMessagePreferences, ({ customerId, body }) => savePreferences(customerId, body));

const subscriptions = defineRoute('messageSubscriptions', routes.messageSubscriptions, ({ customerId, body, now }) => recordGrants(customerId, body.accepted, now));

export const handler = lambda([list, unreadCount, read, getPreferences, putPreferences, subscriptions]);
