import { Button, Text, View } from '@tarojs/components';
import { ResultCard } from '@/components/ResultPage';
import { ServicePhone } from '@/components/ServicePhone';
import { goLogin, goTo, PAGES } from '@/lib/nav';

/**
 * 已挂失: what a customer whose account is reported lost sees — after reporting it, and whenever
 * signing in is refused for it. Signed out; the way on is the lift (the identity check) or a person.
 */
export default function ReportedPage() {
  return (
    <View className='page'>
      <ResultCard warn message='您的账户已挂失' messageId='loss-reported'>
        <Text className='hint'>所有设备上的登录均已退出，挂失期间不能登录。电子账户暂停付款、转出和借款，收款不受影响。</Text>
      </ResultCard>
      <Text className='hint'>找回手机或确认账户安全后，可通过本人身份核验（姓名、身份证号、绑定银行卡和绑定手机验证码）解除挂失。</Text>
      <View className='actions'>
        <Button id='go-loss-lift' className='btn btn--primary' onClick={() => goTo(PAGES.lossCheck, { action: 'lift' })}>
          解除挂失
        </Button>
        <Button id='go-login' className='btn btn--ghost' onClick={goLogin}>
          返回登录页
        </Button>
      </View>
      <ServicePhone lead='如需帮助，请拨打' />
    </View>
  );
}
