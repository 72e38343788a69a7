// How 立即执行 and the automation route start the day close: an invoke of the dayClose function
// (real/day-close-trigger.ts; on the local stage through serverless offline's Lambda endpoint), or
// the job's handler in this process when DAY_CLOSE_TRIGGER_MODE=simulator in a build that carries
// simulators (simulated.ts) — the in-process tests, which have no Lambda service.
import { config } from '../config.js';
import { type DayCloseTrigger, lambdaDayCloseTrigger } from './real/day-close-trigger.js';
import { dayCloseTriggerSimulator, simulated } from './simulated.js';

export type { DayCloseTrigger } from './real/day-close-trigger.js';

export function dayCloseTrigger(): DayCloseTrigger {
  const { DAY_CLOSE_TRIGGER_MODE, DAY_CLOSE_FUNCTION, LAMBDA_ENDPOINT } = config();
  if (DAY_CLOSE_TRIGGER_MODE === 'simulator') {
    return simulated(dayCloseTriggerSimulator, (simulator) => simulator.inProcessDayCloseTrigger(), { start: true, run: true });
  }
  if (!DAY_CLOSE_FUNCTION) throw new Error('DAY_CLOSE_FUNCTION is required when DAY_CLOSE_TRIGGER_MODE=real');
  return lambdaDayCloseTrigger({ functionName: DAY_CLOSE_FUNCTION, endpoint: LAMBDA_ENDPOINT });
}
