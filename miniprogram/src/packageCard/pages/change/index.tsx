import { Text, View } from '@tarojs/components';
import type { CardBindings, CardChange, CardChangeResult } from '@contract/card-change-schemas';
import { useState } from 'react';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { formatDateTime } from '@/lib/time';
import { CARD_CHANGE_PATH, changeCard, getCardBindings } from '../../api';

const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
const CARD_NUMBER_PATTERN = /^\d{16,19}$/;

const cardText = (card: { bankName: string; cardNumberMasked: string }) => `${card.bankName} ${card.cardNumberMasked}`;

/** The ID number and the new card, then the review and the PIN (never a fingerprint: a change of
 *  card is confirmed by the PIN only). The server checks the rest. */
function useCardChangeForm(onChanged: (result: CardChangeResult) => void) {
  const [idNumber, setIdNumber] = useState('');
  const [cardNumber, setCardNumber] = useState('');
  const payment = usePayment();

  function submit() {
    if (!ID_NUMBER_PATTERN.test(idNumber)) return payment.setError('请输入 18 位身份证号');
    if (!CARD_NUMBER_PATTERN.test(cardNumber)) return payment.setError('请输入 16–19 位借记卡卡号');
    void payment.start({
      path: CARD_CHANGE_PATH,
      body: { idNumber, cardNumber },
      idempotent: false,
      pinOnly: true,
      send: (body) => changeCard(body),
      onPaid: (result) => {
        setIdNumber('');
        setCardNumber('');
        onChanged(result);
      },
    });
  }

  return { idNumber, setIdNumber, cardNumber, setCardNumber, payment, submit };
}

function ChangeRow({ change }: { change: CardChange }) {
  return (
    <View className='list-row card-change'>
      <View className='list-row__main'>
        <Text className='list-row__title'>{cardText(change.newCard)}</Text>
        <Text className='meta'>绑定于 {formatDateTime(change.boundAt)}</Text>
        <Text className='meta'>
          原卡 {cardText(change.oldCard)}，解绑于 {formatDateTime(change.unboundAt)}
        </Text>
      </View>
    </View>
  );
}

function CardPage({ bindings, onChanged }: { bindings: CardBindings; onChanged: () => void }) {
  const [done, setDone] = useState<CardChangeResult | null>(null);
  const form = useCardChangeForm((result) => {
    setDone(result);
    onChanged();
  });
  return (
    <View className='page'>
      <Intro title='更换绑定卡' text='新卡须为本人名下的一类借记卡。更换后，充值与提现都使用新卡；更换前已发起的提现仍到原卡。' />
      {done && (
        <View id='card-change-done' className='notice'>
          <Text className='notice__title'>已更换为 {cardText(done.boundCard)}</Text>
          <Text>已向 {done.phoneMasked} 发送短信通知。</Text>
        </View>
      )}
      <View className='card'>
        <InfoRow id='bound-card' label='当前绑定卡' value={cardText(bindings.boundCard)} />
        <InfoRow label='绑定时间' value={formatDateTime(bindings.boundSince)} />
      </View>
      <View className='card'>
        <Field id='card-change-id-number' label='身份证号' kind='idcard' value={form.idNumber} onChange={form.setIdNumber} maxlength={18} placeholder='请输入本人身份证号' />
        <Field id='card-change-card-number' label='新卡卡号' kind='digits' value={form.cardNumber} onChange={form.setCardNumber} maxlength={19} placeholder='请输入本人借记卡卡号' />
      </View>
      <PaymentActions id='card-change-submit' payment={form.payment} title='更换绑定卡' confirmLabel='确认更换' onClick={form.submit}>
        确认更换
      </PaymentActions>
      <View id='card-changes' className='card'>
        <Text className='card__title'>绑定卡变更记录</Text>
        {bindings.changes.length === 0 ? <Text className='empty'>暂无变更记录</Text> : bindings.changes.map((change) => <ChangeRow key={change.boundAt} change={change} />)}
      </View>
    </View>
  );
}

/** 更换绑定卡: the card in force, the change (ID number, new card, review, PIN), the history. */
export default function CardChangePage() {
  const { remote, reload } = useRemote(getCardBindings);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <CardPage bindings={remote.data} onChanged={() => void reload()} />;
}
