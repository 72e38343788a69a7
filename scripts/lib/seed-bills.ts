// Demo billers for `npm start`: a dozen over every bill category in 南京, 苏州 and 无锡, written the
// first time only (operators change them afterwards in the console: 产品工厂 → 缴费机构, four eyes).
import { SEED_BILLERS } from '../../functions/domain/bills/biller.js';
import { seedBiller } from '../../functions/store/bills.js';

export async function seedBills(now: Date): Promise<void> {
  for (const biller of SEED_BILLERS) await seedBiller(biller, now);
}
