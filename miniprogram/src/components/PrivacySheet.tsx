import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { answerPrivacy, openPrivacyGuide, PRIVACY_AGREE_ID, PRIVACY_EVENT, privacyAwaited, privacySheetShown } from '@/lib/privacy';
import { BottomSheet } from './BottomSheet';

/**
 * Our own consent sheet for WeChat's privacy gate (lib/privacy.ts): on a page that uses a
 * personal-information API, it opens when WeChat holds such a call for consent. Agreeing is the
 * open-type agreePrivacyAuthorization button WeChat checks; refusing lets the held call fail.
 */
export function PrivacySheet() {
  const [open, setOpen] = useState(privacyAwaited);

  useEffect(() => {
    const show = () => setOpen(true);
    Taro.eventCenter.on(PRIVACY_EVENT, show);
    return () => void Taro.eventCenter.off(PRIVACY_EVENT, show);
  }, []);
  useEffect(() => {
    if (open) privacySheetShown();
  }, [open]);

  if (!open) return null;

  function answer(agreed: boolean) {
    answerPrivacy(agreed);
    setOpen(false);
  }

  return (
    <BottomSheet id='privacy-sheet' title='隐私保护提示'>
      <View className='privacy'>
        <Text>
          使用手机号绑定、保存海报到相册、复制链接等功能前，请您阅读并同意
        </Text>
        <Text id='privacy-guide' className='link' onClick={openPrivacyGuide}>
          《近邻银行小程序隐私保护指引》
        </Text>
        <Text>。我们只在您使用相应功能时处理必要的信息，不会用于其他目的；不同意不影响您使用其他功能。</Text>
      </View>
      <View className='sheet__actions'>
        <Button
          id={PRIVACY_AGREE_ID}
          className='btn btn--primary'
          openType='agreePrivacyAuthorization'
          onAgreePrivacyAuthorization={() => answer(true)}
        >
          同意并继续
        </Button>
        <Button id='privacy-disagree' className='btn btn--ghost' onClick={() => answer(false)}>
          不同意
        </Button>
      </View>
    </BottomSheet>
  );
}
