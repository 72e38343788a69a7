// The open platform's sandbox partner for `npm start`, with merchants the bank has approved (their
// wallets open, their static codes listed in 社区生活), so a partner's developer can create orders at
// once and a customer finds a community's merchants. Written the first time only
// (operators change partners and review merchants afterwards through maker-checker changes). Its
// webhooks go to the partner simulator `npm start` runs (scripts/partner-sim/grocery.ts): loopback
// http, which the local stage allows (allowLoopbackWebhooks).
import type { Merchant } from '../../functions/domain/open/merchant.js';
import { encrypt } from '../../functions/store/crypto.js';
import { decideMerchant, putProposedMerchant, seedPartner } from '../../functions/store/partners.js';
import { GROCERY_PORT, WEBHOOK_PATH } from '../partner-sim/grocery.js';
import { SANDBOX_KEY_SERIAL, SANDBOX_MERCHANT_ID, SANDBOX_PARTNER_ID, sandboxPublicKeyPem } from '../partner-sim/sandbox.js';

const XINGFULI = { name: '幸福里社区', cityCode: '320102' };

export async function seedPartners(now: Date): Promise<void> {
  await seedPartner(
    {
      partnerId: SANDBOX_PARTNER_ID,
      name: '邻里鲜社区超市（沙箱）',
      status: 'ACTIVE',
      scopes: ['merchants', 'payments', 'refunds'],
      keys: [{ serialNo: SANDBOX_KEY_SERIAL, publicKeyPem: sandboxPublicKeyPem(), addedAt: now.toISOString() }],
      webhookUrls: [`http://127.0.0.1:${GROCERY_PORT}${WEBHOOK_PATH}`],
      feeRateBps: 30,
      rateLimitPerMinute: 600,
    },
    now,
  );
  for (const [index, seeded] of SANDBOX_MERCHANTS.entries()) {
    const merchant: Merchant = {
      ...seeded,
      partnerId: SANDBOX_PARTNER_ID,
      outMerchantNo: `SANDBOX-${String(index + 1).padStart(3, '0')}`,
      settlementAccount: { bankName: '江苏银行南京分行', accountNumberMasked: `****${seeded.accountNumber.slice(-4)}`, holderName: seeded.name },
      status: 'PENDING_REVIEW',
      proposedAt: now.toISOString(),
    };
    const written = await putProposedMerchant({ merchant, settlementAccountNumberSealed: await encrypt(seeded.accountNumber) });
    if (written === 'written') await decideMerchant(merchant, 'ACTIVE', '', 'sandbox-seed', now);
  }
}

/** The sandbox partner's merchants, approved at seed: the grocery its simulator makes orders for,
 *  and neighbours of each category, so 社区生活 shows a community's life (two communities). */
const SANDBOX_MERCHANTS: (Pick<Merchant, 'merchantId' | 'name' | 'shortName' | 'licenceNo' | 'category' | 'community'> & { accountNumber: string })[] = [
  { merchantId: SANDBOX_MERCHANT_ID, name: '南京幸福里生鲜超市有限公司', shortName: '邻里鲜·幸福里店', licenceNo: '91320100MA1W0R2X1P', category: 'GROCERY', community: XINGFULI, accountNumber: '3201001234567890' },
  { merchantId: 'MSANDBOX0000002B', name: '南京幸福里物业管理有限公司', shortName: '幸福里物业服务中心', licenceNo: '91320102MA1X3K5P7G', category: 'PROPERTY', community: XINGFULI, accountNumber: '3201001234562201' },
  { merchantId: 'MSANDBOX0000003C', name: '南京市玄武区幸福里仁心诊所', shortName: '仁心诊所', licenceNo: '52320102MJ5821374M', category: 'CLINIC', community: XINGFULI, accountNumber: '3201001234563302' },
  { merchantId: 'MSANDBOX0000004D', name: '南京邻家便利店', shortName: '邻家便利·幸福里', licenceNo: '92320102MA1Y6N2Q4K', category: 'CONVENIENCE', community: XINGFULI, accountNumber: '3201001234564403' },
  { merchantId: 'MSANDBOX0000005E', name: '南京安居家政服务部', shortName: '安居家政维修', licenceNo: '92320102MA20C8W15L', category: 'HOME_SERVICES', community: XINGFULI, accountNumber: '3201001234565504' },
  { merchantId: 'MSANDBOX0000006F', name: '南京梧桐苑生鲜超市有限公司', shortName: '邻里鲜·梧桐苑店', licenceNo: '91320102MA21F7T3XB', category: 'GROCERY', community: { name: '梧桐苑社区', cityCode: '320102' }, accountNumber: '3201001234566605' },
];
