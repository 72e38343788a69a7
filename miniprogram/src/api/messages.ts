// The unread count of the message centre, for home's badge; the centre's own calls are in
// packageMessages/api.ts.
import type { UnreadCount } from '@contract/messages-schemas';
import { customerRequest } from './http';

export function getUnreadMessages(): Promise<UnreadCount> {
  return customerRequest<UnreadCount>({ method: 'GET', path: '/v1/messages/unread' });
}
