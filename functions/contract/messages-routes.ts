// Routes of the message centre (services/messages.ts).
import * as s from './messages-schemas.js';
import type { RouteSpec } from './route-spec.js';

export const messagesRoutes = {
  messages: {
    method: 'GET',
    path: '/v1/messages',
    summary: 'The message centre, newest first, paged: money movements (from the ledger), security events and service notices; one category or all',
    auth: 'customer',
    idempotent: false,
    query: s.MessagesQuery,
    response: s.MessagePage,
  },
  messagesUnread: {
    method: 'GET',
    path: '/v1/messages/unread',
    summary: 'How many messages came after the read mark (the home page’s badge)',
    auth: 'customer',
    idempotent: false,
    response: s.UnreadCount,
  },
  messagesRead: {
    method: 'POST',
    path: '/v1/messages/read',
    summary: 'Mark every message up to a time read (the mark only moves forward)',
    auth: 'customer',
    idempotent: false,
    body: s.MarkReadRequest,
    response: s.UnreadCount,
  },
  messagePreferences: {
    method: 'GET',
    path: '/v1/messages/preferences',
    summary: 'Which categories notify, the one-time WeChat subscriptions held and the templates to request',
    auth: 'customer',
    idempotent: false,
    response: s.MessagePreferencesView,
  },
  saveMessagePreferences: {
    method: 'POST',
    path: '/v1/messages/preferences',
    summary: 'Turn categories on or off; security stays on (422 SECURITY_MESSAGES_ALWAYS_ON)',
    auth: 'customer',
    idempotent: false,
    body: s.MessagePreferencesRequest,
    response: s.MessagePreferencesView,
  },
  messageSubscriptions: {
    method: 'POST',
    path: '/v1/messages/subscriptions',
    summary: 'Record the one-time WeChat subscriptions the customer accepted: one grant per template, each used by one send',
    auth: 'customer',
    idempotent: false,
    body: s.SubscriptionGrantsRequest,
    response: s.MessagePreferencesView,
  },
} as const satisfies Record<string, RouteSpec>;
