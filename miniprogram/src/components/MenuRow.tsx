import { Text, View } from '@tarojs/components';

/** One tappable line of a `.menu` card, leading to another page; a badge (a count) before the arrow. */
export function MenuRow({ id, label, badge, onClick }: { id: string; label: string; badge?: string; onClick: () => void }) {
  return (
    <View id={id} className='menu__row' onClick={onClick}>
      <Text>{label}</Text>
      <View className='menu__end'>
        {badge && <Text className='menu__badge'>{badge}</Text>}
        <Text className='menu__arrow'>›</Text>
      </View>
    </View>
  );
}
