// The watch lists screened against (domain/name-screening.ts), held as one stored item: read
// whole at each screening, replaced whole by a newer version.
import { EMPTY_WATCH_LIST, type WatchList, WatchListSchema } from '../domain/name-screening.js';
import { getVersionedConfig, putVersionedConfig, type VersionedConfig } from './versioned-config.js';

const WATCH_LIST: VersionedConfig<WatchList> = { name: 'WATCH_LIST', field: 'watchList', schema: WatchListSchema, fallback: EMPTY_WATCH_LIST };

/** The list in force (none when a bank never stored one). */
export const getWatchList = (): Promise<WatchList> => getVersionedConfig(WATCH_LIST);

/** Puts a list in force unless one of its version or later already is. */
export const putWatchList = (watchList: WatchList): Promise<void> => putVersionedConfig(WATCH_LIST, watchList);
