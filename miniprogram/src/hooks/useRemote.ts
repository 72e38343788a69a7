import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/api/http';

export type Remote<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; message: string };

/**
 * Server data for a page, fetched every time the page is shown so it follows the server
 * (e.g. home after a top-up). Data already on screen stays there while it refreshes. A new `key`
 * (a period, a filter) loads again from nothing; only the latest request's answer is shown.
 */
export function useRemote<T>(load: () => Promise<T>, key?: string | number) {
  const [remote, setRemote] = useState<Remote<T>>({ status: 'loading' });
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);
  const loadedKey = useRef(key);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    setRemote((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    try {
      const data = await loadRef.current();
      if (request === latest.current) setRemote({ status: 'ready', data });
    } catch (error) {
      if (request === latest.current) setRemote({ status: 'failed', message: errorMessage(error) });
    }
  }, []);

  useDidShow(() => {
    void reload();
  });

  // The first load comes with the page showing; a change of key after that loads again.
  useEffect(() => {
    if (loadedKey.current === key) return;
    loadedKey.current = key;
    setRemote({ status: 'loading' });
    void reload();
  }, [key, reload]);

  return { remote, reload };
}
