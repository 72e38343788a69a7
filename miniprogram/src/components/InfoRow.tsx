import { Text, View } from '@tarojs/components';
import { optionalId } from '@/lib/optional-id';

/** One label–value line of a card (`.info-row`). */
export function InfoRow({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text {...optionalId(id)} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}
