import { Text, View } from '@tarojs/components';
import { formatFen } from '@/lib/money';

export function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text id={id} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}

/** An earnings figure: signed, red for a gain and green for a loss (the Chinese convention). */
export function Earnings({ amountFen, id }: { amountFen: number; id?: string }) {
  const tone = amountFen > 0 ? 'gain' : amountFen < 0 ? 'loss' : '';
  return (
    <Text id={id} className={`figures__value ${tone}`}>
      {formatFen(amountFen, { signed: true })}
    </Text>
  );
}

export function Figure({ label, children }: { label: string; children: JSX.Element }) {
  return (
    <View className='figures__item'>
      <Text className='figures__label'>{label}</Text>
      {children}
    </View>
  );
}
