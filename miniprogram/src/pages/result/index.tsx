import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatFen } from '@/lib/money';
import { goHome } from '@/lib/nav';
import { fenParam, textParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';

const SUCCESS_MESSAGE: Record<string, string> = {
  TOP_UP: '充值成功',
  WITHDRAW: '提现成功',
  TRANSFER: '转账成功',
};

/** Shows a finished money movement exactly as the server returned it (see lib/result.ts). */
export default function ResultPage() {
  const { params } = useRouter();
  const amountFen = fenParam(params.amountFen);
  const balanceFen = fenParam(params.balanceFen);
  const reversed = params.status === 'REVERSED';
  const message = reversed
    ? '提现未成功，资金已退回电子账户'
    : (SUCCESS_MESSAGE[params.kind ?? ''] ?? '交易成功');
  const payee = textParam(params.payee);
  const createdAt = textParam(params.createdAt);

  return (
    <View className='page result'>
      <View className='card result__card'>
        <View className={reversed ? 'result__icon result__icon--warn' : 'result__icon'}>
          <Text>{reversed ? '!' : '✓'}</Text>
        </View>
        <Text id='result-message' className='result__message'>
          {message}
        </Text>
        {amountFen !== null && <Text className='result__amount'>{formatFen(amountFen)}</Text>}
        <View className='result__details'>
          {payee && (
            <View className='info-row'>
              <Text className='info-row__label'>收款人</Text>
              <Text className='info-row__value'>{payee}</Text>
            </View>
          )}
          {createdAt && (
            <View className='info-row'>
              <Text className='info-row__label'>交易时间</Text>
              <Text className='info-row__value'>{formatDateTime(createdAt)}</Text>
            </View>
          )}
          {balanceFen !== null && (
            <View className='info-row'>
              <Text className='info-row__label'>账户余额</Text>
              <Text id='result-balance' className='info-row__value'>
                {formatFen(balanceFen)}
              </Text>
            </View>
          )}
        </View>
      </View>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
