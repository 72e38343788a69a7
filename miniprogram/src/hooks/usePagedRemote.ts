import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { useRemote } from './useRemote';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A list the server pages with a cursor: the first page refreshes when the page is shown (as
 *  useRemote), later pages are appended by `loadMore`. */
export function usePagedRemote<T>(load: (cursor?: string) => Promise<Page<T>>) {
  const { remote, reload } = useRemote(() => load());
  const [more, setMore] = useState<{ items: T[]; cursor: string | null } | null>(null);
  const [error, setError] = useState('');
  const items = remote.status === 'ready' ? [...remote.data.items, ...(more?.items ?? [])] : [];
  const cursor = remote.status !== 'ready' ? null : more ? more.cursor : remote.data.nextCursor;

  async function loadMore() {
    if (!cursor) return;
    try {
      const page = await load(cursor);
      setMore({ items: [...(more?.items ?? []), ...page.items], cursor: page.nextCursor });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return { remote, reload, items, cursor, loadMore, error };
}
