import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** Copies to the clipboard (WeChat and Taro's H5 say so in a toast); says when it could not. */
function copy(reference: string) {
  Taro.setClipboardData({ data: reference }).catch(() => Taro.showToast({ title: '复制失败，请手动记下参考号', icon: 'none' }));
}

/** A movement's short reference (参考号) as the server gave it, with a copy action: what the
 *  customer reads out or pastes to customer service. */
export function ReferenceRow({ reference, label = '参考号' }: { reference: string; label?: string }) {
  return (
    <View className='info-row reference-row'>
      <Text className='info-row__label'>{label}</Text>
      <View className='reference-row__value'>
        <Text id='reference' className='info-row__value reference-row__code'>
          {reference}
        </Text>
        <View id='reference-copy' className='reference-row__copy' onClick={() => copy(reference)}>
          <Text>复制</Text>
        </View>
      </View>
    </View>
  );
}
