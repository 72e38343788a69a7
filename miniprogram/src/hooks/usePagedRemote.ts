import { useRef, useState } from 'react';
import { errorMessage } from '@/api/http';
import { useRemote } from './useRemote';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Pages appended after a given first page. */
interface More<T> {
  after: Page<T>;
  items: T[];
  cursor: string | null;
}

/** A list the server pages with a cursor: the first page as useRemote loads it (on show, on a new
 *  `key`), later pages appended by `loadMore`, one request at a time. A reloaded first page drops
 *  what was appended to the old one. */
export function usePagedRemote<T>(load: (cursor?: string) => Promise<Page<T>>, key?: string | number) {
  const { remote, reload } = useRemote(() => load(), key);
  const [more, setMore] = useState<More<T> | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState('');
  const inFlight = useRef(false);
  const first = remote.status === 'ready' ? remote.data : null;
  const appended = more && more.after === first ? more : null;
  const items = first ? [...first.items, ...(appended?.items ?? [])] : [];
  const cursor = appended ? appended.cursor : (first?.nextCursor ?? null);

  async function loadMore() {
    if (!first || !cursor || inFlight.current) return;
    inFlight.current = true;
    setLoadingMore(true);
    setError('');
    try {
      const page = await load(cursor);
      setMore({ after: first, items: [...(appended?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      inFlight.current = false;
      setLoadingMore(false);
    }
  }

  return { remote, reload, items, cursor, loadMore, loadingMore, error };
}
