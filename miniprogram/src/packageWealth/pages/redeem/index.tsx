import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthHoldingView } from '@contract/wealth-schemas';
import { useState } from 'react';
import { getWealthHoldings, redeemWealth } from '@/api/wealth';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { replaceWith, PAGES } from '@/lib/nav';
import { Row } from '../../components/Bits';
import { parseUnits, unitsInputText } from '../../units';
import '../../wealth.css';

const PIN_PATTERN = /^\d{6}$/;
type Mode = 'FAST' | 'NORMAL';

function RedeemForm({ holding }: { holding: WealthHoldingView }) {
  const [units, setUnits] = useState('');
  const [mode, setMode] = useState<Mode>(holding.fastRedemption ? 'FAST' : 'NORMAL');
  const [pin, setPin] = useState('');
  const { busy, error, setError, run, resetKey } = useSubmit();

  function change<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      resetKey();
    };
  }

  async function handleSubmit() {
    const parsed = parseUnits(units);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = { productId: holding.productId, unitsCenti: parsed.unitsCenti, mode, pin };
    const result = await run((idempotencyKey) => redeemWealth(body, idempotencyKey));
    if (!result) {
      setPin('');
      return;
    }
    replaceWith(PAGES.wealthResult, {
      kind: 'REDEEM',
      productName: holding.productName,
      amountFen: result.fast?.proceedsFen ?? 0,
      balanceFen: result.balanceFen,
      message: result.message,
    });
  }

  const modes: { value: Mode; label: string }[] = [
    { value: 'FAST', label: '快速赎回（实时到账）' },
    { value: 'NORMAL', label: '普通赎回（下一营业日）' },
  ];

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>{holding.productName}</Text>
        <Row label='可赎回份额' value={holding.availableUnitsDisplay} id='redeem-available' />
        <Row label='最新净值' value={holding.navDisplay} />
        {holding.fastRedemptionLeftFen !== null && <Row label='今日快速赎回剩余额度' value={formatFen(holding.fastRedemptionLeftFen)} />}
      </View>
      <View className='card'>
        <Field
          id='redeem-units'
          label='赎回份额'
          kind='amount'
          value={units}
          onChange={change(setUnits)}
          maxlength={13}
          placeholder='0.00'
          extra={
            <Button id='redeem-all' className='btn btn--ghost btn--small' onClick={() => change(setUnits)(unitsInputText(holding.availableUnitsCenti))}>
              全部
            </Button>
          }
        />
        {holding.fastRedemption && (
          <View className='choice'>
            <Text className='choice__label'>赎回方式</Text>
            <View className='chips'>
              {modes.map((option) => (
                <View
                  key={option.value}
                  id={`redeem-mode-${option.value}`}
                  className={option.value === mode ? 'chip chip--selected' : 'chip'}
                  onClick={() => change(setMode)(option.value)}
                >
                  <Text>{option.label}</Text>
                </View>
              ))}
            </View>
          </View>
        )}
        <Text className='hint'>
          {holding.fastRedemption
            ? '快速赎回每日限额内实时到账，超出部分自动转为普通赎回。'
            : '赎回按下一营业日日终净值确认，资金确认后到账电子账户。'}
        </Text>
      </View>
      <View className='card'>
        <Field id='pin-input' label='支付密码' kind='pin' value={pin} onChange={setPin} placeholder='6 位数字' />
      </View>
      <View className='actions'>
        <SubmitButton id='redeem-submit' busy={busy} onClick={handleSubmit}>
          确认赎回
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

export default function RedeemPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(getWealthHoldings);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const holding = remote.data.items.find((item) => item.productId === params.productId);
  if (!holding || !holding.redeemable) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='empty'>暂无可赎回份额</Text>
        </View>
      </View>
    );
  }
  return <RedeemForm holding={holding} />;
}
