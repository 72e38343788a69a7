// What the order page and the merchant page (its static code) show alike: who is paid, and the
// result page a payment lands on.
import { Text, View } from '@tarojs/components';
import { PAGES, replaceWith } from '@/lib/nav';
import type { MerchantOrderPaidView } from './api';

/** The merchant: its initial, its name, and its category and community when known. */
export function MerchantHeader({ name, meta, idPrefix }: { name: string; meta: string; idPrefix: 'order-merchant' | 'merchant' }) {
  return (
    <View className='merchant'>
      <View className='merchant__avatar' aria-hidden='true'>
        <Text>{name.slice(0, 1)}</Text>
      </View>
      <View className='merchant__main'>
        <Text id={idPrefix === 'merchant' ? 'merchant-name' : 'order-merchant'} className='merchant__name'>
          {name}
        </Text>
        {meta && (
          <Text id={`${idPrefix}-meta`} className='meta'>
            {meta}
          </Text>
        )}
      </View>
    </View>
  );
}

/** 支付结果, in place of the page that paid: the server's figures only. */
export function showPaid({ order, reference, balanceFen }: MerchantOrderPaidView) {
  replaceWith(PAGES.communityResult, {
    orderId: order.orderId,
    amountFen: order.amountFen,
    merchant: order.merchantShortName,
    reference,
    balanceFen,
    ...(order.paidAt ? { paidAt: order.paidAt } : {}),
  });
}
