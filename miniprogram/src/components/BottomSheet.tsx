import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

interface BottomSheetProps {
  id: string;
  title: string;
  /** The way back, at the top left (取消 or 返回); absent while it must not be left. */
  back?: { id: string; label: string; onClick: () => void };
  children: ReactNode;
}

/** A panel over the page from the bottom edge, the page dimmed behind it: a title and a way back
 *  at the top. A tap on the dimmed page does nothing, so a payment is never dropped by accident. */
export function BottomSheet({ id, title, back, children }: BottomSheetProps) {
  return (
    <View id={id} className='sheet'>
      <View className='sheet__mask' />
      <View className='sheet__panel'>
        <View className='sheet__head'>
          {back ? (
            <View id={back.id} className='sheet__back' onClick={back.onClick}>
              <Text>{back.label}</Text>
            </View>
          ) : (
            <View className='sheet__back' />
          )}
          <Text className='sheet__title'>{title}</Text>
          <View className='sheet__back' />
        </View>
        {children}
      </View>
    </View>
  );
}
