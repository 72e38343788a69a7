// The business date as operators move it (in local and test stages): forward only, from the date
// in force when they asked.
import { currentBusinessDate, setBusinessDate } from '../store/business-date.js';

export async function advanceBusinessDate(to: string, now: Date): Promise<void> {
  await setBusinessDate(await currentBusinessDate(now), to);
}
