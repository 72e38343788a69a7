// Watch lists (entity `watch-list`, after = { watchList }): a new version of the whole list, in
// force once approved; the customers whose names equal an added entry's are screened at once
// (services/name-screening.ts). Applying it twice, or after a later version, changes nothing:
// the list stays, and an alert already open on an account is not opened again.
import * as z from 'zod/mini';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { lazySchema } from '../../domain/lazy-schema.js';
import { WatchListSchema } from '../../domain/name-screening.js';
import { putWatchList } from '../../store/watch-list.js';
import { rescreenForAddedEntries } from '../name-screening.js';
import type { ChangeKindHandler } from './handler.js';

export const WATCH_LIST_ENTITY_ID = 'watch-list';
export const WatchListChangeSides = /* @__PURE__ */ lazySchema(() => z.strictObject({ watchList: WatchListSchema }));

export const watchListChange: ChangeKindHandler = {
  permissionToApprove: 'aml.watchlist.approve',
  async apply(change: ChangeRequest, now: Date) {
    const { watchList } = WatchListChangeSides.parse(change.after);
    await putWatchList(watchList);
    await rescreenForAddedEntries(WatchListChangeSides.parse(change.before).watchList, watchList, now);
  },
};
