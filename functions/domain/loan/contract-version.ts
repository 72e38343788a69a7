// The version of the loan contract in force, apart from its text (contract-text.ts): the drawdown
// checks the version in every function that draws, and only the route that serves the contract
// carries the text.
export const LOAN_CONTRACT_VERSION = 'loan-contract-2026-12';

/** Whether a drawdown may cite this version (only the one in force is accepted). */
export function isCurrentLoanContract(textVersion: string): boolean {
  return textVersion === LOAN_CONTRACT_VERSION;
}
