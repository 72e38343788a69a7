// What the operations routes answer, mapped from the services' records (data only: nothing here
// reads the store).
import type { AlertView, DayCloseRunView } from '../contract/console-ops-schemas.js';
import { inCoolingOff } from '../domain/wealth/orders.js';
import type { NamedRun } from '../services/day-close-runs.js';
import type { AlertEventRecord, AlertRecord } from '../services/reconciliation-alerts.js';
import type { WealthOrderRecord } from '../store/wealth.js';

export function runView({ closedDate, status, attempts, startedAt, finishedAt, startedBy, steps, failure }: NamedRun): DayCloseRunView {
  return { closedDate, status, attempts, startedAt, finishedAt, startedBy, steps, failure };
}

export function alertView({ version: _version, ...alert }: AlertRecord): AlertView {
  return { ...alert, differenceFen: (alert.jinlinAmountFen ?? 0) - (alert.gatewayAmountFen ?? 0) };
}

export const alertDetailView = ({ alert, events }: { alert: AlertRecord; events: AlertEventRecord[] }) => ({ alert: alertView(alert), events });

/** `asOf`: the bank's clock now, which says whether a purchase is still inside its cooling-off. */
export const pendingOrderView = (order: WealthOrderRecord, businessDate: string, asOf: Date) => ({
  orderId: order.orderId,
  customerId: order.customerId,
  kind: order.kind,
  productId: order.productId,
  productName: order.productName,
  amountFen: order.kind === 'PURCHASE' ? order.amountFen : null,
  unitsCenti: order.kind === 'REDEMPTION' ? order.unitsCenti : null,
  placedAt: order.placedAt,
  confirmDate: order.confirmDate,
  cancellableUntil: order.cancellableUntil,
  inCoolingOff: inCoolingOff(order, asOf),
  dueAtNextClose: order.confirmDate <= businessDate && !inCoolingOff(order, asOf),
});
