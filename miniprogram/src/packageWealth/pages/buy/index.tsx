import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthPurchaseTerms } from '@contract/wealth-schemas';
import { useState } from 'react';
import { buyWealth, getPurchaseTerms } from '@/api/wealth';
import { Consent } from '@/components/Consent';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { Row } from '../../components/Bits';
import '../../wealth.css';

const PIN_PATTERN = /^\d{6}$/;

/** The product is above the customer's level (or there is no valid assessment): say so. */
function Unsuitable({ terms }: { terms: WealthPurchaseTerms }) {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{terms.product.name}</Text>
        <Text id='buy-unsuitable' className='notice'>
          {terms.suitability?.message}
        </Text>
      </View>
      <View className='actions'>
        <Button id='buy-questionnaire' className='btn btn--primary' onClick={() => goTo(PAGES.wealthQuestionnaire)}>
          去做风险评估
        </Button>
      </View>
    </View>
  );
}

function BuyForm({ terms }: { terms: WealthPurchaseTerms }) {
  const { product } = terms;
  const [amount, setAmount] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();

  async function handleSubmit() {
    const parsed = parseYuanToFen(amount);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (!acknowledged) {
      setError('请阅读并确认产品风险揭示书');
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = {
      productId: product.productId,
      amountFen: parsed.amountFen,
      riskDisclosure: { acknowledged: true as const, version: terms.disclosure.version },
      pin,
    };
    const result = await run((idempotencyKey) => buyWealth(body, idempotencyKey));
    if (!result) {
      setPin('');
      return;
    }
    replaceWith(PAGES.wealthResult, {
      kind: 'BUY',
      productName: result.order.productName,
      amountFen: result.order.amountFen ?? 0,
      balanceFen: result.balanceFen,
      confirmDate: result.order.confirmDate,
      orderId: result.order.orderId,
      ...(result.order.coolingOffEndsOn ? { coolingOffEndsOn: result.order.coolingOffEndsOn } : {}),
    });
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{product.name}</Text>
        <View className='badges'>
          <Text className='badge'>{product.typeLabel}</Text>
          <Text className='badge badge--risk'>{product.riskLabel}</Text>
        </View>
        <Row label='可用余额' value={formatFen(terms.balanceFen)} id='buy-balance' />
        <Row label='您的风险等级' value={terms.assessment?.levelLabel ?? '—'} />
        <Row label='份额确认日' value={`${terms.confirmDate} 日终`} />
        {terms.coolingOffEndsOn && <Row label='冷静期' value={`${terms.coolingOffEndsOn} 前可撤销`} />}
      </View>
      <View className='card'>
        <Field
          id='buy-amount'
          label='购买金额'
          kind='amount'
          value={amount}
          onChange={(value) => {
            setAmount(value);
            resetKey();
          }}
          maxlength={13}
          placeholder='0.00'
        />
        <Text className='hint'>{product.purchaseRule}，单笔最多 {formatFen(product.maxPurchaseFen)}。</Text>
      </View>
      <View className='card'>
        <Text className='card__title'>{terms.disclosure.title}</Text>
        <Text className='disclosure'>{terms.disclosure.text}</Text>
        <Consent id='buy-ack' checked={acknowledged} onToggle={() => setAcknowledged(!acknowledged)}>
          {`我已阅读并理解《${terms.disclosure.title}》，自愿承担投资风险`}
        </Consent>
      </View>
      <View className='card'>
        <Field id='pin-input' label='支付密码' kind='pin' value={pin} onChange={setPin} placeholder='6 位数字' />
      </View>
      <View className='actions'>
        <SubmitButton id='buy-submit' busy={busy} onClick={handleSubmit}>
          确认购买
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

export default function WealthBuyPage() {
  const { params } = useRouter();
  const productId = params.productId ?? '';
  const { remote, reload } = useRemote(() => getPurchaseTerms(productId));
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  return remote.data.suitable ? <BuyForm terms={remote.data} /> : <Unsuitable terms={remote.data} />;
}
