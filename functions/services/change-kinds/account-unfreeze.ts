// Maker-checker kind ACCOUNT_UNFREEZE (entityId `account:<accountId>`): once a second operator
// approves an agent's request, the frozen e-account is ACTIVE again — the unfreeze and its audit
// entry written in one transaction. Idempotent: an account no longer FROZEN is left as it is.
import type { AuditActor } from '../../domain/audit-chain.js';
import type { ChangeRequest } from '../../domain/change-requests.js';
import { getAccount, unfreezeAccountItem } from '../../store/accounts.js';
import { recordAuditWith } from '../audit.js';
import { rerateCustomer } from '../customer-risk-rating.js';
import { postMessage } from '../messages.js';
import type { ChangeKindHandler } from './handler.js';

const ACCOUNT_ENTITY = /^account:(.+)$/;

/** Whose approval lifts the freeze; the scheduled job for a change approved ahead of its time. */
const applier = (change: ChangeRequest): AuditActor =>
  change.checker ? { kind: 'operator', id: change.checker.operatorId } : { kind: 'system', id: 'change-requests' };

async function apply(change: ChangeRequest, now: Date): Promise<void> {
  const accountId = ACCOUNT_ENTITY.exec(change.entityId)?.[1];
  if (!accountId) throw new Error(`change ${change.changeId}: ${change.entityId} names no account`);
  const reason = typeof change.after.unfreezeReason === 'string' ? change.after.unfreezeReason : undefined;
  // Refused only when the account is not FROZEN: unfrozen by an earlier run of this change.
  await recordAuditWith(
    {
      actor: applier(change),
      action: 'account.unfreeze',
      target: { kind: 'account', id: accountId },
      reason,
      before: { status: 'FROZEN' },
      after: { status: 'ACTIVE', changeId: change.changeId, makerLogin: change.maker.login, checkerLogin: change.checker?.login ?? null },
    },
    now,
    () => [unfreezeAccountItem(accountId)],
  );
  // Told once per change, whichever run of it unfroze the account.
  const account = await getAccount(accountId);
  if (account) await rerateCustomer(account.ownerCustomerId, now);
  if (account?.status === 'ACTIVE') await postMessage({ customerId: account.ownerCustomerId, kind: 'ACCOUNT_UNFROZEN', ref: change.changeId, at: now });
}

export const accountUnfreezeChange: ChangeKindHandler = { permissionToApprove: 'accounts.unfreeze.approve', apply };
