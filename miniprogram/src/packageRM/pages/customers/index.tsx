import { Button, Text, View } from '@tarojs/components';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { getCustomers } from '../../api';
import { dateOf } from '../../labels';
import '../../rm.css';

/** Customers attributed to me, masked as the server sends them (张*, 138****1234). */
export default function CustomersPage() {
  const { remote, reload, items, cursor, loadMore, error } = usePagedRemote(getCustomers);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;

  return (
    <View className='page'>
      <View className='card'>
        {items.length === 0 ? (
          <Text className='rm-empty'>还没有通过您的分享注册的客户</Text>
        ) : (
          items.map((customer, index) => (
            <View key={`${customer.firstTouchAt}-${index}`} className='rm-item rm-customer'>
              <View className='rm-item__top'>
                <Text className='rm-customer__name'>
                  {customer.nameMasked ?? '未实名'} {customer.phoneMasked ?? ''}
                </Text>
                <Text className='rm-badge rm-customer__stage'>{customer.stageLabel}</Text>
              </View>
              <Text className='rm-item__meta'>
                来自「{customer.entryProduct.name}」· {dateOf(customer.firstTouchAt)}
              </Text>
            </View>
          ))
        )}
      </View>
      {cursor && (
        <View className='actions'>
          <Button className='btn btn--ghost' onClick={loadMore}>
            加载更多
          </Button>
        </View>
      )}
      <ErrorText message={error} />
      <Text className='hint'>依据个人信息保护要求，客户姓名与手机号仅显示部分，不显示证件号码。</Text>
    </View>
  );
}
