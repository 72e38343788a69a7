import { Text, View } from '@tarojs/components';

export interface RateDisplays {
  annualizedRateDisplay: string;
  annualRateDisplay: string;
}

interface RatesProps {
  /** Id of the annualized rate, the figure a test or a screen reader looks for. */
  id: string;
  /** As the server wrote them. */
  rates: RateDisplays;
}

/**
 * A loan's price: the annualized rate by the IRR method large, the nominal rate beside it and
 * smaller, never the other way round (PBoC announcement [2021] No. 3).
 */
export function Rates({ id, rates }: RatesProps) {
  return (
    <View className='rates'>
      <View className='rates__main'>
        <Text className='figure__label'>年化利率（单利）</Text>
        <Text id={id} className='rates__annualized'>
          {rates.annualizedRateDisplay}
        </Text>
      </View>
      <View className='rates__side'>
        <Text className='figure__label'>年利率</Text>
        <Text className='rates__nominal'>{rates.annualRateDisplay}</Text>
      </View>
    </View>
  );
}
