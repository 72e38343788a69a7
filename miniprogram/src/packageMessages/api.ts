// The message centre's calls (shapes from functions/contract/messages-schemas.ts); only
// packageMessages uses them.
import Taro from '@tarojs/taro';
import type { MessagePage, MessagePreferencesRequest, MessagePreferencesView, UnreadCount } from '@contract/messages-schemas';
import { customerRequest } from '@/api/http';

export type MessageCategory = keyof MessagePreferencesView['preferences'];

export function getMessages(category: MessageCategory | undefined, cursor?: string): Promise<MessagePage> {
  return customerRequest<MessagePage>({ method: 'GET', path: '/v1/messages', query: { category, cursor } });
}

export function markRead(upTo: string): Promise<UnreadCount> {
  return customerRequest<UnreadCount>({ method: 'POST', path: '/v1/messages/read', body: { upTo } });
}

export function getPreferences(): Promise<MessagePreferencesView> {
  return customerRequest<MessagePreferencesView>({ method: 'GET', path: '/v1/messages/preferences' });
}

export function savePreferences(body: MessagePreferencesRequest): Promise<MessagePreferencesView> {
  return customerRequest<MessagePreferencesView>({ method: 'POST', path: '/v1/messages/preferences', body });
}

export function reportSubscriptions(accepted: string[]): Promise<MessagePreferencesView> {
  return customerRequest<MessagePreferencesView>({ method: 'POST', path: '/v1/messages/subscriptions', body: { accepted } });
}

/** Asks WeChat for one-time subscriptions to these templates (wx.requestSubscribeMessage) and
 *  returns those the customer accepted; null where there is no WeChat to ask (the H5 build). */
export async function requestSubscriptions(templateIds: string[]): Promise<string[] | null> {
  if (process.env.TARO_ENV !== 'weapp') return null;
  try {
    // entityIds is Alipay's; Taro's type asks for it.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })) as unknown as Record<string, string>;
    return templateIds.filter((id) => answer[id] === 'accept');
  } catch {
    // Refused as a whole (subscriptions switched off in WeChat's settings, the dialog dismissed):
    // nothing accepted.
    return [];
  }
}
