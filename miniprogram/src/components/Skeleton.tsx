import { Text, View } from '@tarojs/components';

/** The cards a page will show, as grey bars, while its server data is on its way: the page
 *  keeps its shape instead of a spinner filling the screen. Screen readers hear 加载中…. */
export function Skeleton() {
  return (
    <View id='skeleton' className='skeleton-screen' aria-busy='true'>
      <Text className='visually-hidden'>加载中…</Text>
      <View className='card'>
        <View className='skeleton skeleton--title' />
        <View className='skeleton skeleton--figure' />
        <View className='skeleton skeleton--line' />
      </View>
      <View className='card'>
        <View className='skeleton skeleton--title' />
        <View className='skeleton skeleton--line' />
        <View className='skeleton skeleton--line' />
        <View className='skeleton skeleton--line skeleton--short' />
      </View>
    </View>
  );
}
