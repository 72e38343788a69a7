import { ApiError } from '@/api/http';
import { type Remote, useRemote } from './useRemote';

/** A page's server record, or `missing`: the link named none, or the server knows none. */
export type RemoteTarget<T> = Remote<T> | { status: 'missing' };

const MISSING = Symbol('missing');

/** What the server answers for an id it does not know (404), or one no record can have (the
 *  path's id refused as malformed, 400 VALIDATION_FAILED: a link cut short or mistyped). */
const isMissing = (error: unknown) => error instanceof ApiError && (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED'));

/**
 * useRemote for the one record a page is opened for (`?loanId=…`): without an id nothing is
 * asked of the server; an id it does not know is `missing` like no id at all, so the page shows
 * MissingTarget instead of a load failure with a retry that cannot help.
 */
export function useRemoteTarget<T>(id: string | undefined, load: (id: string) => Promise<T>): { remote: RemoteTarget<T>; reload: () => Promise<void> } {
  const { remote, reload } = useRemote<T | typeof MISSING>(async () => {
    if (!id) return MISSING;
    try {
      return await load(id);
    } catch (error) {
      if (isMissing(error)) return MISSING;
      throw error;
    }
  });
  if (!id || (remote.status === 'ready' && remote.data === MISSING)) return { remote: { status: 'missing' }, reload };
  return { remote: remote as Remote<T>, reload };
}
