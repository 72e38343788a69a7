import { Text, View } from '@tarojs/components';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { getCustomers } from '../../api';
import { PagedCard } from '../../components/PagedCard';
import { dateOf } from '../../labels';
import '../../rm.css';

/** Customers attributed to me, masked as the server sends them (张*, 138****1234). */
export default function CustomersPage() {
  const list = usePagedRemote(getCustomers);
  return (
    <View className='page'>
      <PagedCard list={list} empty='还没有通过您的分享注册的客户'>
        {(customer, index) => (
          <View key={`${customer.firstTouchAt}-${index}`} className='rm-item rm-customer'>
            <View className='rm-item__top'>
              <Text className='rm-customer__name'>
                {customer.nameMasked ?? '未实名'} {customer.phoneMasked ?? ''}
              </Text>
              <Text className='badge rm-customer__stage'>{customer.stageLabel}</Text>
            </View>
            <Text className='meta'>
              来自「{customer.entryProduct.name}」· {dateOf(customer.firstTouchAt)}
            </Text>
          </View>
        )}
      </PagedCard>
      <Text className='hint'>依据个人信息保护要求，客户姓名与手机号仅显示部分，不显示证件号码。</Text>
    </View>
  );
}
