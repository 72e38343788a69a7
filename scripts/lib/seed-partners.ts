// The open platform's sandbox partner for `npm start`, with one merchant the bank has approved (its
// wallet open), so a partner's developer can create orders at once. Written the first time only
// (operators change partners and review merchants afterwards through maker-checker changes). Its
// webhooks go to the partner simulator `npm start` runs (scripts/partner-sim/grocery.ts): loopback
// http, which the local stage allows (allowLoopbackWebhooks).
import type { Merchant } from '../../functions/domain/open/merchant.js';
import { encrypt } from '../../functions/store/crypto.js';
import { decideMerchant, putProposedMerchant, seedPartner } from '../../functions/store/partners.js';
import { GROCERY_PORT, WEBHOOK_PATH } from '../partner-sim/grocery.js';
import { SANDBOX_KEY_SERIAL, SANDBOX_MERCHANT_ID, SANDBOX_PARTNER_ID, sandboxPublicKeyPem } from '../partner-sim/sandbox.js';

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
  const merchant: Merchant = {
    merchantId: SANDBOX_MERCHANT_ID,
    partnerId: SANDBOX_PARTNER_ID,
    outMerchantNo: 'SANDBOX-001',
    name: '南京幸福里生鲜超市有限公司',
    shortName: '邻里鲜·幸福里店',
    licenceNo: '91320100MA1W0R2X1P',
    category: 'GROCERY',
    community: { name: '幸福里社区', cityCode: '320102' },
    settlementAccount: { bankName: '江苏银行南京分行', accountNumberMasked: '****7890', holderName: '南京幸福里生鲜超市有限公司' },
    status: 'PENDING_REVIEW',
    proposedAt: now.toISOString(),
  };
  const written = await putProposedMerchant({ merchant, settlementAccountNumberSealed: await encrypt('3201001234567890') });
  if (written === 'written') await decideMerchant(merchant, 'ACTIVE', '', 'sandbox-seed', now);
}
