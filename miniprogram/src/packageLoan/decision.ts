import type { LoanDecisionView } from '@contract/loan-schemas';

// The decision travels from the apply page to the decision page in memory: there is no route to
// read it again, and a credit decision has no business lying around in the device's storage.
let latest: LoanDecisionView | null = null;

export function handOverDecision(decision: LoanDecisionView): void {
  latest = decision;
}

export function takeOverDecision(): LoanDecisionView | null {
  return latest;
}
