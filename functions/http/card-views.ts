// What the customer sees of the bound card and its changes: masked, never the number.
import type { CardBindings, CardChange, CardChangeResult } from '../contract/card-change-schemas.js';
import type { AccountRecord } from '../store/accounts.js';
import type { CardChangeRecord } from '../store/card-changes.js';
import type { CardChangeDone } from '../services/card-change.js';

const cardView = ({ bankName, cardNumberMasked }: AccountRecord['boundCard']) => ({ bankName, cardNumberMasked });

function changeView(change: CardChangeRecord): CardChange {
  return { oldCard: cardView(change.oldCard), unboundAt: change.changedAt, newCard: cardView(change.newCard), boundAt: change.changedAt };
}

export function cardChangeResultView({ account, change, phoneMasked }: CardChangeDone): CardChangeResult {
  return { boundCard: cardView(account.boundCard), change: changeView(change), phoneMasked };
}

export function cardBindingsView({ account, changes }: { account: AccountRecord; changes: CardChangeRecord[] }): CardBindings {
  return { boundCard: cardView(account.boundCard), boundSince: changes[0]?.changedAt ?? account.openedAt, changes: changes.map(changeView) };
}
