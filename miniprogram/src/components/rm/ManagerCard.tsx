import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { MyManager } from '@contract/rm-schemas';
import { getMyManager } from '@/api/rm';

/** “您的专属客户经理”: shown once a manager serves the customer; nothing otherwise. With the
 *  manager's work phone, shown masked, a tap on 联系客户经理 dials it; without one, no button. */
export function ManagerCard() {
  const [mine, setMine] = useState<MyManager | null>(null);
  // The card is extra: if it cannot load, home shows without it.
  const load = useCallback(() => void getMyManager().then(setMine, () => setMine(null)), []);
  // Mounted once home has loaded (after the page's first show), then again on every show.
  useEffect(load, [load]);
  useDidShow(load);
  if (!mine?.manager) return null;
  const { workPhone } = mine.manager;
  return (
    <View id='my-manager' className='card'>
      <Text className='card__subtitle'>您的专属客户经理</Text>
      <Text id='my-manager-name' className='card__title'>
        {mine.manager.name}
      </Text>
      <Text className='hint'>
        {mine.manager.branchName} · 工号 {mine.manager.staffNo}
      </Text>
      {workPhone && (
        <View className='manager-card__contact'>
          <Text id='my-manager-phone' className='hint'>
            办公电话 {workPhone.masked}
          </Text>
          <Button id='my-manager-call' className='btn btn--ghost btn--small' onClick={() => void Taro.makePhoneCall({ phoneNumber: workPhone.number })}>
            联系客户经理
          </Button>
        </View>
      )}
    </View>
  );
}
