import { Text, View } from '@tarojs/components';
import type { BillerCatalog, BillPaymentView } from '@contract/bill-schemas';
import { useEffect, useState } from 'react';
import { LoadMore } from '@/components/LoadMore';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePagedRemote } from '@/hooks/usePagedRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { getBillers, getBillPayments } from '../../api';
import { statusClass } from '../../labels';
import '../../bills.css';

type Categories = BillerCatalog['categories'];

/** 全部 and one chip per category the catalog lists. */
function CategoryFilter({ categories, category, onSelect }: { categories: Categories; category?: string; onSelect: (category?: string) => void }) {
  const chips = [
    { id: 'history-category-all', label: '全部', value: undefined },
    ...categories.map((item) => ({ id: `history-category-${item.category}`, label: item.label, value: item.category })),
  ];
  return (
    <View className='chips chips--standalone'>
      {chips.map((chip) => (
        <View key={chip.id} id={chip.id} className={chip.value === category ? 'chip chip--selected' : 'chip'} onClick={() => onSelect(chip.value)}>
          <Text>{chip.label}</Text>
        </View>
      ))}
    </View>
  );
}

function PaymentRow({ payment }: { payment: BillPaymentView }) {
  return (
    <View className='list-row bill-payment' onClick={() => goTo(PAGES.billReceipt, { paymentId: payment.paymentId })}>
      <View className='list-row__main'>
        <Text className='list-row__title'>{payment.billerName}</Text>
        <Text className='meta'>
          {payment.categoryLabel} · {payment.accountNumberMasked} · {formatDateTime(payment.paidAt)}
        </Text>
      </View>
      <View className='list-row__side'>
        <Text className='amount-out'>-{formatFen(payment.amountFen)}</Text>
        <Text className={statusClass(payment.status)}>{payment.statusLabel}</Text>
      </View>
    </View>
  );
}

/** Bill payments, newest first, filtered by category on the server. */
export default function BillHistoryPage() {
  const [categories, setCategories] = useState<Categories>([]);
  const [category, setCategory] = useState<string | undefined>(undefined);
  const list = usePagedRemote((cursor) => getBillPayments(category, cursor), category ?? '');

  // The filter is extra: without the catalog the page still lists every payment.
  useEffect(() => {
    getBillers().then(
      (catalog) => setCategories(catalog.categories),
      () => setCategories([]),
    );
  }, []);

  return (
    <View className='page'>
      <CategoryFilter categories={categories} category={category} onSelect={setCategory} />
      {list.remote.status !== 'ready' ? (
        <RemoteStatus remote={list.remote} onRetry={list.reload} />
      ) : (
        <View className='card'>
          {list.items.length === 0 && <Text className='hint'>暂无缴费记录</Text>}
          {list.items.map((payment) => (
            <PaymentRow key={payment.paymentId} payment={payment} />
          ))}
          {list.cursor && <LoadMore loading={list.loadingMore} onClick={list.loadMore} />}
        </View>
      )}
      <ErrorText message={list.error} />
    </View>
  );
}
