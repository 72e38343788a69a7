import { Button, Text, View } from '@tarojs/components';
import type { PayeeView } from '@contract/bill-schemas';
import { useState } from 'react';
import { deletePayee, getPayees, setAutoPay } from '@/api/bills';
import { errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import '../../bills.css';

/** Monthly auto-pay: the largest bill it pays and the day of the month, granted with the PIN. */
function AutoPayForm({ payee, onDone }: { payee: PayeeView; onDone: () => void }) {
  const [cap, setCap] = useState('');
  const [day, setDay] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function save(turnOn: boolean) {
    let autoPay = null;
    if (turnOn) {
      const parsed = parseYuanToFen(cap);
      if (!parsed.ok) return setError(parsed.message);
      const dayOfMonth = Number(day);
      if (!/^\d{1,2}$/.test(day) || dayOfMonth < 1 || dayOfMonth > 28) return setError('扣款日请填 1–28');
      autoPay = { capFen: parsed.amountFen, dayOfMonth };
    }
    if (!/^\d{6}$/.test(pin)) return setError('请输入 6 位支付密码');
    setBusy(true);
    setError('');
    try {
      await setAutoPay(payee.payeeId, { autoPay, pin });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <View>
      <Field id={`autopay-cap-${payee.payeeId}`} label='单笔上限' kind='amount' value={cap} onChange={setCap} maxlength={9} placeholder='超过不自动缴' />
      <Field id={`autopay-day-${payee.payeeId}`} label='每月扣款日' kind='digits' value={day} onChange={setDay} maxlength={2} placeholder='1–28' />
      <Field id={`autopay-pin-${payee.payeeId}`} label='支付密码' kind='pin' value={pin} onChange={setPin} placeholder='6 位数字' />
      <View className='row-actions'>
        <Button className='btn btn--primary btn--small' disabled={busy} onClick={() => save(true)}>
          开启自动缴费
        </Button>
        {payee.autoPay && (
          <Button className='btn btn--ghost btn--small' disabled={busy} onClick={() => save(false)}>
            关闭
          </Button>
        )}
      </View>
      <ErrorText message={error} />
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
        {payee.biller.amountRule !== 'RANGE' && (
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
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  return (
    <View className='page'>
      {remote.data.items.length === 0 && <Text className='hint'>还没有常用缴费户：查询账单后可保存</Text>}
      {remote.data.items.map((payee) => (
        <PayeeRow key={payee.payeeId} payee={payee} onChanged={reload} />
      ))}
    </View>
  );
}
