// PARTNER: a new open-platform partner, a change to one (its keys, scopes, webhook URLs, fee rate,
// rate limit) or its suspension (entity `partner:<partnerId>`, after = the whole partner).
// Applying writes the partner as approved — idempotent by nature; a key removed stops verifying at
// once, so a partner rotates by adding its new key first.
import type { ChangeRequest } from '../../domain/change-requests.js';
import { partnerSchema } from '../../domain/open/partner.js';
import { putPartner } from '../../store/partners.js';
import type { ChangeKindHandler } from './handler.js';

export const partnerEntityId = (partnerId: string) => `partner:${partnerId}`;

export const partnerChange: ChangeKindHandler = {
  permissionToApprove: 'partners.approve',
  async apply(change: ChangeRequest, now: Date) {
    await putPartner(partnerSchema.parse(change.after), change.changeId, now);
  },
};
