import { useDidShow } from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { errorMessage } from '@/api/http';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; message: string };

/**
 * Server data for a page, fetched every time the page is shown so it follows the server
 * (e.g. home after a top-up). Data already on screen stays there while it refreshes.
 */
export function useRemote<T>(load: () => Promise<T>) {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(async () => {
    setRemote((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    try {
      const data = await loadRef.current();
      setRemote({ status: 'ready', data });
    } catch (error) {
      setRemote({ status: 'failed', message: errorMessage(error) });
    }
  }, []);

  useDidShow(() => {
    void reload();
  });

  return { remote, reload };
}
