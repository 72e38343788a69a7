import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import type { VisitView } from '@contract/rm-schemas';
import { lastReferral, REFERRAL_EVENT } from '@/api/rm';

/** Sign-in page: who shared the link the app was opened with (the visit may still be on its
 *  way when the page first shows). */
export function ReferralBanner() {
  const [referral, setReferral] = useState<VisitView | null>(lastReferral);
  useDidShow(() => setReferral(lastReferral()));
  useEffect(() => {
    const show = (view: VisitView) => setReferral(view);
    Taro.eventCenter.on(REFERRAL_EVENT, show);
    // A visit recorded between the first render and this subscription fired with no one
    // listening (seen under load in the end-to-end test): it is in storage by then.
    setReferral(lastReferral());
    return () => {
      Taro.eventCenter.off(REFERRAL_EVENT, show);
    };
  }, []);
  if (!referral) return null;
  return (
    <View id='referral-banner' className='notice'>
      <Text>
        客户经理 {referral.manager.name}（{referral.manager.branchName}）为您推荐：{referral.product.name}
      </Text>
    </View>
  );
}
