// The server pages by cursor, not by offset. ProTable asks for page numbers: each page's cursor is
// remembered per filter, so 上一页 and any page already seen work, and the total offers the next
// page exactly when the server has one.
import { useState } from 'react';

export interface CursorPage<Row> {
  rows: Row[];
  nextCursor: string | null;
}

/** ProTable's answer for page `current` of the rows `fetch` reads under `filter`. */
export type PageOf = <Row>(
  filter: string,
  current: number,
  pageSize: number,
  fetch: (cursor: string | null) => Promise<CursorPage<Row>>,
) => Promise<{ data: Row[]; success: true; total: number }>;

export function useCursorPages(): PageOf {
  const [cursors] = useState(() => new Map<string, string>());
  return async (filter, current, pageSize, fetch) => {
    const { rows, nextCursor } = await fetch(current === 1 ? null : (cursors.get(`${filter}#${current}`) ?? null));
    if (nextCursor) cursors.set(`${filter}#${current + 1}`, nextCursor);
    return { data: rows, success: true, total: (current - 1) * pageSize + rows.length + (nextCursor ? 1 : 0) };
  };
}
