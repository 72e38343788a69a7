import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { WealthHoldingView } from '@contract/wealth-schemas';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { Options } from '@/components/Options';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { getWealthHoldings } from '../../api';
import { unitsInputText } from '../../units';
import { type RedeemMode, useRedeemForm } from './useRedeemForm';
import '../../wealth.css';

const MODES: { value: RedeemMode; label: string }[] = [
  { value: 'FAST', label: '快速赎回（实时到账）' },
  { value: 'NORMAL', label: '普通赎回（下一营业日）' },
];

function Holding({ holding }: { holding: WealthHoldingView }) {
  return (
    <View className='card'>
      <Text className='card__title'>{holding.productName}</Text>
      <InfoRow label='可赎回份额' value={holding.availableUnitsDisplay} id='redeem-available' />
      <InfoRow label='最新净值' value={holding.navDisplay} />
      {holding.fastRedemptionLeftFen !== null && (
        <InfoRow label='今日快速赎回剩余额度' value={formatFen(holding.fastRedemptionLeftFen)} />
      )}
    </View>
  );
}

function RedeemForm({ holding }: { holding: WealthHoldingView }) {
  const form = useRedeemForm(holding);
  const all = (
    <Button
      id='redeem-all'
      className='btn btn--ghost btn--small'
      onClick={() => form.changeUnits(unitsInputText(holding.availableUnitsCenti))}
    >
      全部
    </Button>
  );
  return (
    <View className='page'>
      <Holding holding={holding} />
      <View className='card'>
        <Field
          id='redeem-units'
          label='赎回份额'
          kind='amount'
          value={form.units}
          onChange={form.changeUnits}
          maxlength={13}
          placeholder='0.00'
          extra={all}
        />
        {holding.fastRedemption && (
          <Options idPrefix='redeem-mode' label='赎回方式' options={MODES} selected={form.mode} onSelect={form.changeMode} />
        )}
        <Text className='hint'>
          {holding.fastRedemption
            ? '快速赎回每日限额内实时到账，超出部分自动转为普通赎回。'
            : '赎回按下一营业日日终净值确认，资金确认后到账电子账户。'}
        </Text>
      </View>
      <PaymentActions id='redeem-submit' payment={form.payment} title='赎回理财' incoming onClick={form.submit}>
        确认赎回
      </PaymentActions>
    </View>
  );
}

export default function RedeemPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(getWealthHoldings);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const holding = remote.data.items.find((item) => item.productId === params.productId);
  if (!holding) return <MissingTarget message='未找到该笔持仓' next={{ label: '查看我的持仓', onClick: () => replaceWith(PAGES.wealthHoldings) }} />;
  if (!holding.redeemable) {
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
