import { Button, Text, View } from '@tarojs/components';
import type { BillerCatalog, BillPaymentView } from '@contract/bill-schemas';
import { useEffect, useState } from 'react';
import { getBillers, getBillPayments } from '@/api/bills';
import { errorMessage } from '@/api/http';
import { ErrorText, Loading } from '@/components/Status';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { statusClass } from '../../labels';
import '../../bills.css';

interface Listing {
  items: BillPaymentView[];
  nextCursor: string | null;
}

/** Bill payments, newest first, filtered by category on the server. */
export default function BillHistoryPage() {
  const [categories, setCategories] = useState<BillerCatalog['categories']>([]);
  const [category, setCategory] = useState<string | undefined>(undefined);
  const [listing, setListing] = useState<Listing | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    getBillers()
      .then((catalog) => setCategories(catalog.categories))
      .catch(() => setCategories([]));
  }, []);

  useEffect(() => {
    setListing(null);
    setError('');
    getBillPayments(category)
      .then((page) => setListing(page))
      .catch((failure) => setError(errorMessage(failure)));
  }, [category]);

  async function loadMore() {
    if (!listing?.nextCursor || busy) return;
    setBusy(true);
    try {
      const page = await getBillPayments(category, listing.nextCursor);
      setListing({ items: [...listing.items, ...page.items], nextCursor: page.nextCursor });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page'>
      <View className='chips'>
        <View id='history-category-all' className={category === undefined ? 'chip chip--selected' : 'chip'} onClick={() => setCategory(undefined)}>
          <Text>全部</Text>
        </View>
        {categories.map((item) => (
          <View
            key={item.category}
            id={`history-category-${item.category}`}
            className={category === item.category ? 'chip chip--selected' : 'chip'}
            onClick={() => setCategory(item.category)}
          >
            <Text>{item.label}</Text>
          </View>
        ))}
      </View>
      {!listing && !error && <Loading />}
      {listing && (
        <View className='card'>
          {listing.items.length === 0 && <Text className='hint'>暂无缴费记录</Text>}
          {listing.items.map((payment) => (
            <View key={payment.paymentId} className='list-row bill-payment' onClick={() => goTo(PAGES.billReceipt, { paymentId: payment.paymentId })}>
              <View className='list-row__main'>
                <Text className='list-row__title'>{payment.billerName}</Text>
                <Text className='list-row__meta'>
                  {payment.categoryLabel} · {payment.accountNumberMasked} · {formatDateTime(payment.paidAt)}
                </Text>
              </View>
              <View className='list-row__side'>
                <Text className='amount-out'>{formatFen(-payment.amountFen, { signed: true })}</Text>
                <Text className={statusClass(payment.status)}>{payment.statusLabel}</Text>
              </View>
            </View>
          ))}
          {listing.nextCursor && (
            <Button className='btn btn--ghost' onClick={loadMore}>
              {busy ? '加载中…' : '加载更多'}
            </Button>
          )}
        </View>
      )}
      <ErrorText message={error} />
    </View>
  );
}
