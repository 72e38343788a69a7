import { Text, View } from '@tarojs/components';

/** A page's heading: what the page is for, in a sentence (a form), or home's greeting. */
export function Intro({ title, text }: { title: string; text: string }) {
  return (
    <View className='intro'>
      <Text className='intro__title'>{title}</Text>
      <Text className='intro__text'>{text}</Text>
    </View>
  );
}
