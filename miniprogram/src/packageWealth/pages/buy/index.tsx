import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthPurchaseTerms } from '@contract/wealth-schemas';
import { AmountInput } from '@/components/AmountInput';
import { Consent } from '@/components/Consent';
import { InfoRow } from '@/components/InfoRow';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getPurchaseTerms } from '../../api';
import { ProductBadges, ProductRow } from '../../components/Bits';
import { ProductMissing } from '../../components/ProductMissing';
import { useBuyForm } from './useBuyForm';
import '../../wealth.css';

/** The customer may not buy the product. Above a valid level: the message and the products the
 *  customer may buy (the server's list); no valid assessment: the questionnaire first. */
function Unsuitable({ terms }: { terms: WealthPurchaseTerms }) {
  const tooRisky = terms.suitability?.code === 'RISK_LEVEL_TOO_LOW';
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{terms.product.name}</Text>
        <Text id='buy-unsuitable' className='notice'>
          {terms.suitability?.message}
        </Text>
      </View>
      {tooRisky && (
        <View id='buy-suitable-products' className='card'>
          <Text className='card__title'>适合您的产品</Text>
          <Text className='card__subtitle'>以下产品风险等级不高于 {terms.assessment?.maxRiskLevel}，可直接购买</Text>
          {terms.suitableProducts.length === 0 ? (
            <Text className='empty'>暂无适合您的在售产品</Text>
          ) : (
            terms.suitableProducts.map((product) => <ProductRow key={product.productId} product={product} />)
          )}
        </View>
      )}
      <View className='actions'>
        <Button id='buy-questionnaire' className={tooRisky ? 'btn btn--ghost' : 'btn btn--primary'} onClick={() => goTo(PAGES.wealthQuestionnaire)}>
          {tooRisky ? '情况有变化？重新评估' : '去做风险评估'}
        </Button>
      </View>
    </View>
  );
}

/** The product and what the server says about this purchase: balance, level, dates. */
function Terms({ terms }: { terms: WealthPurchaseTerms }) {
  const { product } = terms;
  return (
    <View className='card'>
      <Text className='card__title'>{product.name}</Text>
      <ProductBadges typeLabel={product.typeLabel} risk={product.riskLabel} />
      <InfoRow label='可用余额' value={formatFen(terms.balanceFen)} id='buy-balance' />
      <InfoRow label='您的风险等级' value={terms.assessment?.levelLabel ?? '—'} />
      <InfoRow label='份额确认日' value={`${terms.confirmDate} 日终`} />
      {terms.cancellableUntil && <InfoRow id='buy-cooling-off' label='冷静期' value={`${product.coolingOffHours} 小时，${formatDateTime(terms.cancellableUntil)} 前可撤销`} />}
    </View>
  );
}

function BuyForm({ terms }: { terms: WealthPurchaseTerms }) {
  const { product, disclosure } = terms;
  const form = useBuyForm(terms);
  return (
    <View className='page'>
      <Terms terms={terms} />
      <View className='card'>
        <AmountInput id='buy-amount' label='购买金额' value={form.amount} onChange={form.changeAmount} />
        <Text className='hint'>{product.purchaseRule}，单笔最多 {formatFen(product.maxPurchaseFen)}。</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>{disclosure.title}</Text>
        <Text className='disclosure'>{disclosure.text}</Text>
        <Consent id='buy-ack' checked={form.acknowledged} onToggle={form.toggleAcknowledged}>
          {`我已阅读并理解《${disclosure.title}》，自愿承担投资风险`}
        </Consent>
      </View>
      <PaymentActions id='buy-submit' payment={form.payment} title='购买理财' onClick={form.submit}>
        确认购买
      </PaymentActions>
    </View>
  );
}

export default function WealthBuyPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.productId, getPurchaseTerms);
  if (remote.status === 'missing') return <ProductMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return remote.data.suitable ? <BuyForm terms={remote.data} /> : <Unsuitable terms={remote.data} />;
}
