// The day close (日终) as operators see it: a run per closed business date, its steps in order,
// each with its counts and the errors that did not stop it, and the Chinese names the console
// shows. A run item is also the close's lock: a second close of the same date while one is
// running is refused, unless the first has been silent longer than the job may live.

export const DAY_CLOSE_STEPS = ['LOANS', 'WEALTH', 'BILLS', 'MERCHANTS', 'HELD_TRANSFERS', 'AML', 'DASHBOARD', 'BUSINESS_DATE', 'AUDIT'] as const;
export type DayCloseStep = (typeof DAY_CLOSE_STEPS)[number];

export const DAY_CLOSE_RUN_STATUSES = ['RUNNING', 'SUCCEEDED', 'FAILED'] as const;
export type DayCloseRunStatus = (typeof DAY_CLOSE_RUN_STATUSES)[number];
export const DAY_CLOSE_STEP_STATUSES = ['SUCCEEDED', 'FAILED'] as const;
export type DayCloseStepStatus = (typeof DAY_CLOSE_STEP_STATUSES)[number];

/** What one loan, order, payee or holding the close could not finish left behind. */
export interface DayCloseError {
  /** What it was about: `loan:<id>`, `order:<id>`, `statement` … */
  ref: string;
  message: string;
}

/** A step reports each item it could not finish, and goes on with the others. */
export type ReportFailure = (ref: string, error: unknown) => void;

/** A run keeps this many errors per step; more are counted, not listed. */
export const MAX_LISTED_STEP_ERRORS = 20;
export const MAX_ERROR_MESSAGE_CHARS = 300;

export interface DayCloseStepResult {
  step: DayCloseStep;
  status: DayCloseStepStatus;
  startedAt: string;
  finishedAt: string;
  /** Named counts and fen amounts (operations-labels.ts names them); amounts end in Fen. */
  counts: Record<string, number>;
  errorCount: number;
  errors: DayCloseError[];
}

/** The job may run 15 minutes (serverless.yml dayClose timeout): a RUNNING run older than this
 *  died without recording it, and another close may take the date over. */
export const DAY_CLOSE_STALE_MS = 16 * 60_000;

/** A step's error as the run keeps it: its message, bounded. */
export function stepError(ref: string, error: unknown): DayCloseError {
  const message = error instanceof Error ? error.message : String(error);
  return { ref: ref.slice(0, 160), message: message.slice(0, MAX_ERROR_MESSAGE_CHARS) };
}
