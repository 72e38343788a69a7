// The watch lists in the console (名单管理): the list in force, and a new version submitted for a
// second operator's approval (maker-checker, services/versioned-changes.ts); in force once
// approved (change-kinds/watch-list.ts).
import type { ChangeRequest } from '../domain/change-requests.js';
import type { WatchList } from '../domain/name-screening.js';
import { getWatchList } from '../store/watch-list.js';
import { WATCH_LIST_ENTITY_ID } from './change-kinds/watch-list.js';
import type { ConsoleOperator } from './operators.js';
import { inForceWithPending, submitNextVersion, type VersionedSubject } from './versioned-changes.js';

const WATCH_LIST: VersionedSubject = { kind: 'WATCH_LIST', entityId: WATCH_LIST_ENTITY_ID, field: 'watchList', name: '监控名单', versionCode: 'WATCH_LIST_VERSION' };

/** The list in force, and the change waiting on it, if any. */
export async function watchListInForce(): Promise<{ watchList: WatchList; pendingChangeId: string | undefined }> {
  const { inForce, pendingChangeId } = await inForceWithPending(WATCH_LIST, getWatchList);
  return { watchList: inForce, pendingChangeId };
}

/** A new version of the whole list: the next number after the one in force. */
export async function submitWatchListChange(watchList: WatchList, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  return submitNextVersion(WATCH_LIST, await getWatchList(), watchList, (list) => list.entries, maker, now);
}
