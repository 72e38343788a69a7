import { Text, View } from '@tarojs/components';

/** One label–value line of a card (`.info-row`). */
export function InfoRow({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      {/* Only a given id: Taro's H5 renderer writes `id={undefined}` out as id="undefined". */}
      <Text {...(id === undefined ? {} : { id })} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}
