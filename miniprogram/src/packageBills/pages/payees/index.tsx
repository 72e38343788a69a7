import { Button, Text, View } from '@tarojs/components';
import type { PayeeView } from '@contract/bill-schemas';
import { useState } from 'react';
import { errorMessage } from '@/api/http';
import { AmountInput } from '@/components/AmountInput';
import { Field } from '@/components/Field';
import { PaymentActions } from '@/components/PaymentSheets';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { formatFen, typedAmount } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { autoPayPath, deletePayee, getPayees, setAutoPay } from '../../api';
import '../../bills.css';

/** Monthly auto-pay: the largest bill it pays and the day of the month, granted like a payment
 *  (review and PIN). */
function AutoPayForm({ payee, onDone }: { payee: PayeeView; onDone: () => void }) {
  const [cap, setCap] = useState(() => typedAmount(''));
  const [day, setDay] = useState('');
  const payment = usePayment();

  function save(turnOn: boolean) {
    let autoPay = null;
    if (turnOn) {
      if (!cap.parsed.ok) return payment.setError(cap.parsed.message);
      const dayOfMonth = Number(day);
      if (!/^\d{1,2}$/.test(day) || dayOfMonth < 1 || dayOfMonth > 28) return payment.setError('扣款日请填 1–28');
      autoPay = { capFen: cap.parsed.amountFen, dayOfMonth };
    }
    void payment.start({
      path: autoPayPath(payee.payeeId),
      body: { autoPay },
      // A setting, sent without an Idempotency-Key: its nonce is bound to none.
      idempotent: false,
      send: (body) => setAutoPay(payee.payeeId, body),
      onPaid: onDone,
    });
  }

  const turnOff = payee.autoPay && (
    <Button
      id={`autopay-off-${payee.payeeId}`}
      className={payment.busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'}
      disabled={payment.busy}
      onClick={() => save(false)}
    >
      关闭自动缴费
    </Button>
  );

  return (
    <View>
      <AmountInput id={`autopay-cap-${payee.payeeId}`} label='单笔上限' value={cap} onChange={setCap} maxlength={9} placeholder='超过不自动缴' />
      <Field id={`autopay-day-${payee.payeeId}`} label='每月扣款日' kind='digits' value={day} onChange={setDay} maxlength={2} placeholder='1–28' />
      <PaymentActions id={`autopay-submit-${payee.payeeId}`} payment={payment} title='自动缴费' confirmLabel='确认设置' onClick={() => save(true)} extra={turnOff}>
        开启自动缴费
      </PaymentActions>
    </View>
  );
}

function PayeeRow({ payee, onChanged }: { payee: PayeeView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');

  async function remove() {
    try {
      await deletePayee(payee.payeeId);
      onChanged();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <View className='card payee'>
      <Text className='card__title'>{payee.nickname}</Text>
      <Text className='card__subtitle'>
        {payee.biller.name} · {payee.accountNumberMasked}
      </Text>
      <Text className='hint'>
        {payee.autoPay
          ? `自动缴费：每月 ${payee.autoPay.dayOfMonth} 日起，单笔不超过 ${formatFen(payee.autoPay.capFen)}`
          : '未开启自动缴费'}
      </Text>
      {payee.lastAutoPay && (
        <Text className='hint'>
          {payee.lastAutoPay.month} 自动缴费：{payee.lastAutoPay.message}
        </Text>
      )}
      <View className='row-actions'>
        <Button id={`payee-query-${payee.payeeId}`} className='btn btn--primary btn--small' onClick={() => goTo(PAGES.billLookup, { payeeId: payee.payeeId })}>
          查询缴费
        </Button>
        {!payee.biller.prepaid && (
          <Button className='btn btn--ghost btn--small' onClick={() => setEditing(!editing)}>
            自动缴费
          </Button>
        )}
        <Button className='btn btn--ghost btn--small' onClick={remove}>
          删除
        </Button>
      </View>
      {editing && (
        <AutoPayForm
          payee={payee}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      <ErrorText message={error} />
    </View>
  );
}

/** Saved payees: one tap to query and pay, monthly auto-pay, removal. */
export default function PayeesPage() {
  const { remote, reload } = useRemote(getPayees);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return (
    <View className='page'>
      {remote.data.items.length === 0 && <Text className='hint'>还没有常用缴费户：查询账单后可保存</Text>}
      {remote.data.items.map((payee) => (
        <PayeeRow key={payee.payeeId} payee={payee} onChanged={reload} />
      ))}
    </View>
  );
}
