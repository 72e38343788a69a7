import { afterEach, expect, jest } from '@jest/globals';
import type { RenderResult } from '@testing-library/react';
import { Current } from '@tarojs/runtime';
import Taro from '@tarojs/taro';
import type { ReactElement } from 'react';
import { renderShown } from './page';

// A page reads its route parameters with `useRouter()`, which returns Taro's `Current.router`.
// jsdom runs no Taro router, so a test opens a page by putting there what the router would: the
// query of the page's URL, values left URL-encoded as Taro's H5 router leaves them
// (query-string with `decode: false`) and as WeChat passes them.

afterEach(() => {
  Current.router = null;
});

function rawQuery(url: string): Record<string, string> {
  const query = url.split('?')[1] ?? '';
  const params: Record<string, string> = {};
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    params[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
  }
  return params;
}

/** Makes `url` (`/packageLoan/pages/repay/index?loanId=…`) the page Taro's router has open. */
export function openAt(url: string): void {
  const path = url.split('?')[0]!;
  Current.router = { params: rawQuery(url), path, $taroPath: path, onReady: '', onShow: '', onHide: '' };
}

/** Opens `url` and renders its page there, shown (see renderShown). */
export async function renderAt(url: string, page: ReactElement): Promise<RenderResult> {
  openAt(url);
  return renderShown(page);
}

/** The one page the form replaced itself with (Taro.redirectTo): its URL, path and query. */
export function redirectedTo(): { url: string; path: string; query: URLSearchParams } {
  expect(Taro.redirectTo).toHaveBeenCalledTimes(1);
  const [{ url }] = jest.mocked(Taro.redirectTo).mock.calls[0]! as [{ url: string }];
  const [path, query] = url.split('?');
  return { url, path: path!, query: new URLSearchParams(query) };
}
