import { Text, View } from '@tarojs/components';

/** What repay, payoff and deferral show for a loan that has nothing left to pay. */
export function PaidOff() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>该笔借款已结清</Text>
        <Text className='hint'>无需再还款，结清记录可在借款详情查看。</Text>
      </View>
    </View>
  );
}
