import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { CUSTOMER_SERVICE_PHONE } from '@/lib/contact';

/** Between 客服电话 and the number: a no-break space. The line is a flex row, whose items each
 *  drop the ordinary spaces at their ends (so H5 showed 客服电话95xxx); this one is text. */
const GAP = '\u00a0';

/** How to reach a person (客服电话), on every screen that can stop a customer: a tap dials it. */
export function ServicePhone({ lead = '遇到问题？' }: { lead?: string }) {
  return (
    <View id='service-phone' className='service-phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: CUSTOMER_SERVICE_PHONE })}>
      <Text>{`${lead}客服电话${GAP}`}</Text>
      <Text className='link'>{CUSTOMER_SERVICE_PHONE}</Text>
    </View>
  );
}
