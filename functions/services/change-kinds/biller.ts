// BILLER: a new biller, a change to one, or its closing (entity `biller:<billerId>`, after = the
// whole biller; closing is status SUSPENDED: it takes no payments). Applying writes the biller as
// approved — idempotent by nature; payments already made keep the names they were made under.
import { billerSchema } from '../../domain/bills/biller.js';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { putBiller } from '../../store/bills.js';
import type { ChangeKindHandler } from './handler.js';

export const billerEntityId = (billerId: string) => `biller:${billerId}`;

export const billerChange: ChangeKindHandler = {
  permissionToApprove: 'products.approve',
  async apply(change: ChangeRequest, now: Date) {
    await putBiller(billerSchema.parse(change.after), change.changeId, now);
  },
};
