import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { clearSession } from '@/api/session';
import { Intro } from '@/components/Intro';
import { Options } from '@/components/Options';
import { ServicePhone } from '@/components/ServicePhone';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { PAGES, restartAt } from '@/lib/nav';
import { LOST_OPTIONS, type LostItem, reportLoss } from '../../api';

/**
 * 账户安全 → 挂失, signed in: one tap stops everything. Every session ends (this one too), so the
 * page leaves for the 已挂失 screen with nothing to go back to.
 */
export default function SecurityPage() {
  const [lost, setLost] = useState<LostItem>('PHONE');
  const { busy, error, run } = useSubmit();

  async function submit() {
    const done = await run(() => reportLoss(lost));
    if (!done) return;
    clearSession();
    restartAt(PAGES.lossReported);
  }

  return (
    <View className='page'>
      <Intro title='账户挂失' text='手机、身份证或银行卡丢失时，立即挂失以保护资金安全。' />
      <View className='card'>
        <Options idPrefix='lost' label='遗失物品' options={LOST_OPTIONS} selected={lost} onSelect={setLost} />
        <Text className='hint'>挂失后立即生效：所有设备上的登录全部退出，电子账户暂停付款、转出和借款（收款不受影响）。解除挂失需通过本人身份核验办理。</Text>
      </View>
      <SubmitActions id='loss-report-submit' busy={busy} error={error} onClick={() => void submit()}>
        立即挂失
      </SubmitActions>
      <ServicePhone />
    </View>
  );
}
