import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { fenParam, textParam } from '@/lib/result';
import { Row } from '../../components/Bits';
import '../../wealth.css';

const MESSAGE: Record<string, string> = {
  BUY: '购买成功，份额确认中',
  REDEEM: '赎回已受理',
  CANCEL: '已撤销，款项已退回',
};


/** A finished purchase, redemption or cancellation, as the server returned it. */
export default function WealthResultPage() {
  const { params } = useRouter();
  const kind = params.kind ?? '';
  const amountFen = fenParam(params.amountFen);
  const balanceFen = fenParam(params.balanceFen);
  const message = textParam(params.message);
  return (
    <View className='page result'>
      <View className='card result__card'>
        <View className='result__icon'>
          <Text>✓</Text>
        </View>
        <Text id='result-message' className='result__message'>
          {MESSAGE[kind] ?? '办理成功'}
        </Text>
        {amountFen !== null && amountFen > 0 && (
          <Text id='result-amount' className='result__amount'>
            {formatFen(amountFen)}
          </Text>
        )}
        <View className='result__details'>
          {params.productName && <Row label='产品' value={textParam(params.productName)} />}
          {params.confirmDate && <Row label='份额确认日' value={`${textParam(params.confirmDate)} 日终`} />}
          {params.coolingOffEndsOn && <Row label='冷静期' value={`${textParam(params.coolingOffEndsOn)} 前可撤销`} />}
          {message && <Text id='result-detail' className='hint'>{message}</Text>}
          {balanceFen !== null && <Row label='账户余额' value={formatFen(balanceFen)} id='result-balance' />}
        </View>
      </View>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
        <Button id='result-holdings' className='btn btn--ghost' onClick={() => replaceWith(PAGES.wealthHoldings)}>
          查看持仓
        </Button>
      </View>
    </View>
  );
}
