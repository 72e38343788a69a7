import { Text, View } from '@tarojs/components';

/** One tappable line of a `.menu` card, leading to another page. */
export function MenuRow({ id, label, onClick }: { id: string; label: string; onClick: () => void }) {
  return (
    <View id={id} className='menu__row' onClick={onClick}>
      <Text>{label}</Text>
      <Text className='menu__arrow'>›</Text>
    </View>
  );
}
