// The product factory's billers (缴费机构): the billers as product managers see them, with the
// change waiting on each, and drafts submitted as maker-checker changes (services/change-requests.ts)
// — nothing here writes a biller by itself. And the day close's bill reconciliation report, for
// operations.
import { type Biller, CATEGORY_LABELS, MAX_BILLERS } from '../domain/bills/biller.js';
import type { ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import { allInOrder } from '../platform/all-in-order.js';
import * as bills from '../store/bills.js';
import { billerEntityId } from './change-kinds/biller.js';
import { pendingChangeIds, pendingChangeOf, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

export interface ConsoleBillerRow extends bills.BillerRecord {
  pendingChangeId?: string;
}

/** Every biller, suspended ones included, with the change waiting on each; by category (in the
 *  catalogue's order), city and name. */
export async function consoleBillers(): Promise<ConsoleBillerRow[]> {
  const records = await bills.billerRecords();
  const pending = await pendingChangeIds(records.map(({ biller }) => billerEntityId(biller.billerId)));
  const order = Object.keys(CATEGORY_LABELS);
  return records
    .map((record) => {
      const pendingChangeId = pending.get(billerEntityId(record.biller.billerId));
      return { ...record, ...(pendingChangeId ? { pendingChangeId } : {}) };
    })
    .sort(
      (a, b) =>
        order.indexOf(a.biller.category) - order.indexOf(b.biller.category) ||
        a.biller.city.code.localeCompare(b.biller.city.code) ||
        a.biller.name.localeCompare(b.biller.name, 'zh-CN'),
    );
}

/** One biller as it is now, and the change waiting on it. */
export async function consoleBiller(billerId: string): Promise<bills.BillerRecord & { pendingChange?: ChangeRequest }> {
  const [found, pendingChange] = await allInOrder([bills.getBillerRecord(billerId), pendingChangeOf(billerEntityId(billerId))]);
  const record = found ?? refuse('not_found', 'BILLER_NOT_FOUND', '未找到该缴费单位');
  return { ...record, ...(pendingChange ? { pendingChange } : {}) };
}

/** A new biller, a change to one or its closing, submitted for a checker. A new one only while
 *  the catalogue has room. */
export async function submitBillerChange(biller: Biller, effectiveAt: string | undefined, maker: ConsoleOperator, now: Date): Promise<ChangeRequest> {
  const records = await bills.billerRecords();
  const current = records.find((record) => record.biller.billerId === biller.billerId)?.biller;
  if (!current && records.length >= MAX_BILLERS) refuse('unprocessable', 'TOO_MANY_BILLERS', `缴费单位最多 ${MAX_BILLERS} 家`);
  const verb = !current ? '新增' : biller.status === current.status ? '变更' : biller.status === 'SUSPENDED' ? '暂停' : '恢复';
  return submitChange({
    kind: 'BILLER',
    entityId: billerEntityId(biller.billerId),
    entityLabel: `${verb}缴费机构 ${biller.name}`,
    before: current ?? null,
    after: biller,
    effectiveAt,
    maker,
    now,
  });
}

export async function reconciliationReport(date: string): Promise<bills.ReconciliationRecord> {
  return (await bills.getReconciliation(date)) ?? refuse('not_found', 'RECONCILIATION_NOT_FOUND', '该营业日尚未对账');
}
