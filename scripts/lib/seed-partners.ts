// The open platform's sandbox partner for `npm start`, written the first time only (operators
// change partners afterwards through maker-checker changes).
import { seedPartner } from '../../functions/store/partners.js';
import { SANDBOX_KEY_SERIAL, SANDBOX_PARTNER_ID, sandboxPublicKeyPem } from '../partner-sim/sandbox.js';

export async function seedPartners(now: Date): Promise<void> {
  await seedPartner(
    {
      partnerId: SANDBOX_PARTNER_ID,
      name: '邻里鲜社区超市（沙箱）',
      status: 'ACTIVE',
      scopes: ['merchants', 'payments', 'refunds'],
      keys: [{ serialNo: SANDBOX_KEY_SERIAL, publicKeyPem: sandboxPublicKeyPem(), addedAt: now.toISOString() }],
      webhookUrls: [],
      feeRateBps: 30,
      rateLimitPerMinute: 600,
    },
    now,
  );
}
