// Shown as the operations pages show them: times in China, amounts from the server's fen.
import { formatYuan } from '../../../../functions/domain/format';

const CHINA_TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** 2026-03-02 10:00:00 in China, whatever the browser's zone; — for none. */
export function chinaTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const parts = Object.fromEntries(CHINA_TIME.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** ¥1,234.56 (or -¥1,234.56) from fen; — for none. */
export function yuan(amountFen: number | null | undefined): string {
  if (amountFen === null || amountFen === undefined) return '—';
  return amountFen < 0 ? `-¥${formatYuan(-amountFen)}` : `¥${formatYuan(amountFen)}`;
}
