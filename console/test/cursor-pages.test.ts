import { describe, expect, test } from '@jest/globals';
import { renderHook } from '@testing-library/react';
import { useCursorPages } from '@/shell/cursor-pages';

/** A server of `total` rows, `limit` a page, paging by cursor (the index of the next row). */
function server(total: number) {
  const asked: (string | null)[] = [];
  const fetch = (limit: number) => async (cursor: string | null) => {
    asked.push(cursor);
    const start = cursor === null ? 0 : Number(cursor);
    const rows = Array.from({ length: Math.min(limit, total - start) }, (_, i) => start + i);
    return { rows, nextCursor: start + limit < total ? String(start + limit) : null };
  };
  return { asked, fetch };
}

describe('ProTable pages over a server that pages by cursor', () => {
  test('each page asks with the cursor the page before it gave; 上一页 asks again with its own; the total offers a next page only when there is one', async () => {
    const { result } = renderHook(() => useCursorPages());
    const pageOf = result.current;
    const { asked, fetch } = server(5);
    const first = await pageOf('', 1, 2, fetch(2));
    expect(first).toEqual({ data: [0, 1], success: true, total: 3 });
    expect(await pageOf('', 2, 2, fetch(2))).toEqual({ data: [2, 3], success: true, total: 5 });
    expect(await pageOf('', 3, 2, fetch(2))).toEqual({ data: [4], success: true, total: 5 });
    expect((await pageOf('', 2, 2, fetch(2))).data).toEqual([2, 3]);
    expect(asked).toEqual([null, '2', '4', '2']);
  });

  test('each filter keeps its own cursors: page 2 of another filter is not this one’s', async () => {
    const { result } = renderHook(() => useCursorPages());
    const open = server(4);
    const closed = server(3);
    await result.current('OPEN', 1, 2, open.fetch(2));
    await result.current('CLOSED', 1, 1, closed.fetch(1));
    expect((await result.current('CLOSED', 2, 1, closed.fetch(1))).data).toEqual([1]);
    expect((await result.current('OPEN', 2, 2, open.fetch(2))).data).toEqual([2, 3]);
    expect([open.asked, closed.asked]).toEqual([[null, '2'], [null, '1']]);
  });
});
