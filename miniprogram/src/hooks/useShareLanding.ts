import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { REFERRAL_EVENT } from '@/api/rm';
import { goTo } from '@/lib/nav';
import { takeLanding } from '@/lib/share-landing';

function followLanding(): void {
  const landing = takeLanding();
  if (landing) goTo(landing.path, landing.query);
}

/**
 * Home, once the signed-in customer's data has loaded: opens the product a shared link was for
 * (Back returns to home). A link opened while already signed in may be recorded only after home
 * loaded, so the recorded visit is followed too.
 */
export function useShareLanding(signedIn: boolean): void {
  useEffect(() => {
    if (!signedIn) return undefined;
    followLanding();
    Taro.eventCenter.on(REFERRAL_EVENT, followLanding);
    return () => void Taro.eventCenter.off(REFERRAL_EVENT, followLanding);
  }, [signedIn]);
}
