import type { MoneyMovementResult } from '@contract/schemas';
import { PAGES, replaceWith } from './nav';

/**
 * Replaces the finished form with the result page, so Back cannot resubmit it. The result travels
 * in the URL: only the values the server returned, nothing computed here.
 */
export function showResult(result: MoneyMovementResult, payeeName?: string): void {
  const params: Record<string, string> = {
    kind: result.kind,
    status: result.status,
    reference: result.reference,
    amountFen: String(result.amountFen),
    balanceFen: String(result.balanceFen),
    createdAt: result.createdAt,
  };
  if (payeeName) params.payee = payeeName;
  // A delayed transfer's page says when it arrives and leads to its entry, where it can be cancelled.
  if (result.releaseAt) Object.assign(params, { releaseAt: result.releaseAt, entryId: result.journalId });
  replaceWith(PAGES.result, params);
}

/** A result page's amount parameter: whole fen as the server returned it, or null. */
export function fenParam(value: string | undefined): number | null {
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : null;
}

/** A result page's text parameter (URL-encoded in the route). */
export function textParam(value: string | undefined): string {
  return value ? decodeURIComponent(value) : '';
}

/** The result page's `kind` when it is one the page knows: a link without one (shared, cut short)
 *  has no result to show, and must not read as a success. */
export function knownKind(messages: Record<string, string>, kind: string | undefined): string | undefined {
  return kind !== undefined && Object.prototype.hasOwnProperty.call(messages, kind) ? kind : undefined;
}
