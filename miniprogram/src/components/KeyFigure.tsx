import { Text, View } from '@tarojs/components';
import { optionalId } from '@/lib/optional-id';

interface KeyFigureProps {
  label: string;
  /** Already formatted (an amount, a rate) as the server's numbers allow. */
  value: string;
  id?: string;
  /** Extra class of the value, e.g. `gain`. */
  tone?: string;
}

/** The one large number of a card: a balance, an available limit, a market value. */
export function KeyFigure({ label, value, id, tone }: KeyFigureProps) {
  return (
    <View className='figure'>
      <Text className='figure__label'>{label}</Text>
      <Text {...optionalId(id)} className={tone ? `figure__amount ${tone}` : 'figure__amount'}>
        {value}
      </Text>
    </View>
  );
}
