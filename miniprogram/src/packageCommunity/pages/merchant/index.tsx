import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError } from '@/api/http';
import { AmountInput } from '@/components/AmountInput';
import { MissingTarget } from '@/components/MissingTarget';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen, typedAmount } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { rememberLanding } from '@/lib/share-landing';
import { type CommunityMerchantView, getCommunityMerchant, merchantCodePaymentPath, payMerchantCode } from '../../api';
import { merchantMeta } from '../../labels';
import { MerchantHeader, showPaid } from '../../shared';
import '../../community.css';

/** The merchant the page (or its static code) names. Signed out, the app goes to sign-in: the
 *  merchant is remembered, so home opens it again once signed in. */
async function loadMerchant(merchantId: string): Promise<CommunityMerchantView> {
  try {
    return await getCommunityMerchant(merchantId);
  } catch (failure) {
    if (failure instanceof ApiError && failure.code === 'SIGNED_OUT') rememberLanding({ type: 'MERCHANT_CODE', id: merchantId });
    throw failure;
  }
}

/** The amount the customer enters (a static code carries none), then the review sheet and the
 *  fingerprint, face or PIN; the request carries that amount and the second factor. */
function Pay({ merchant }: { merchant: CommunityMerchantView }) {
  const [amount, setAmount] = useState(() => typedAmount(''));
  const payment = usePayment();
  const { dailyLimitFen, remainingTodayFen } = merchant.staticCode;
  // Both figures are the server's: above what it says is left today, nothing is asked of it.
  const over = amount.parsed.ok && amount.parsed.amountFen > remainingTodayFen;
  const payable = amount.parsed.ok && !over;

  function handlePay() {
    if (!amount.parsed.ok) return payment.setError(amount.parsed.message);
    if (over) return;
    void payment.start({
      path: merchantCodePaymentPath(merchant.merchantId),
      body: { amountFen: amount.parsed.amountFen },
      send: (body, idempotencyKey) => payMerchantCode(merchant.merchantId, body, idempotencyKey),
      onPaid: showPaid,
    });
  }

  return (
    <>
      <View className='card'>
        <AmountInput id='merchant-amount' label='付款金额' value={amount} onChange={setAmount} />
      </View>
      <Text id='merchant-limit' className='hint'>
        收款码单日累计限额 {formatFen(dailyLimitFen)}，今日还可付 {formatFen(remainingTodayFen)}
      </Text>
      {over && (
        <Text id='merchant-over' className='error-text'>
          超过今日还可付金额
        </Text>
      )}
      <PaymentActions id='merchant-pay' payment={payment} title='付款给商户' disabled={!payable} onClick={handlePay}>
        付款
      </PaymentActions>
    </>
  );
}

/** 付款给商户: a community merchant's page, opened from the directory or its static code (收款码). */
export default function CommunityMerchantPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.merchantId, loadMerchant);
  if (remote.status === 'missing') return <MissingTarget message='商户不存在或暂停收款' next={{ label: '查看社区商户', onClick: () => replaceWith(PAGES.communityMerchants) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const merchant = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <MerchantHeader idPrefix='merchant' name={merchant.shortName} meta={merchantMeta({ merchantCategory: merchant.category, communityName: merchant.communityName })} />
      </View>
      <Pay merchant={merchant} />
      <Text className='hint'>款项将从您的近邻银行电子账户支付给商户，付款前请核对商户与金额。</Text>
    </View>
  );
}
