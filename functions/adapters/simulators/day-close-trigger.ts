// The dayClose function in this process, for tests that call handlers without a Lambda service
// (see ../simulated.ts): the test registers the job's handler; each start runs it on the next
// turn, not awaited, as Lambda runs an Event invoke after answering 202; each run awaits it, as a
// RequestResponse invoke does. An adapter never imports a job (layers), hence the registration.
import type { DayCloseRequest } from '../../contract/day-close-request.js';
import type { DayCloseTrigger } from '../real/day-close-trigger.js';

type DayCloseFunction = (request: DayCloseRequest) => Promise<unknown>;

let registered: DayCloseFunction | undefined;
const running = new Set<Promise<unknown>>();

/** The handler an in-process start runs (the test's wiring of functions/jobs/day-close.ts). */
export function simulateDayCloseFunction(handler: DayCloseFunction): void {
  registered = handler;
}

/** Resolves when every close started so far has ended (a test's clean-up). */
export async function simulatedDayClosesSettled(): Promise<void> {
  await Promise.allSettled([...running]);
}

function registeredFunction(): DayCloseFunction {
  if (!registered) throw new Error('no dayClose function registered (simulateDayCloseFunction)');
  return registered;
}

export function inProcessDayCloseTrigger(): DayCloseTrigger {
  return {
    async start(request) {
      const handler = registeredFunction();
      // Its failure is the close's own, recorded in its run, as with Lambda: not the caller's.
      const close = new Promise((resolve) => setImmediate(resolve)).then(() => handler(request)).catch(() => undefined);
      running.add(close);
      void close.finally(() => running.delete(close));
    },
    async run(request) {
      // Through JSON, as Lambda hands the function's answer back.
      return JSON.parse(JSON.stringify((await registeredFunction()(request)) ?? null));
    },
  };
}
