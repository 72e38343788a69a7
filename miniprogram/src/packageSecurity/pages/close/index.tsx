import { Button, Text, View } from '@tarojs/components';
import type { ClosureCheck } from '@contract/account-closure-schemas';
import type { AccountClosure } from '@contract/schemas';
import { useState } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { PaymentActions } from '@/components/PaymentSheets';
import { ResultCard } from '@/components/ResultPage';
import { ServicePhone } from '@/components/ServicePhone';
import { RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goHome } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { ACCOUNT_CLOSURE_PATH, closeAccount, getClosureCheck } from '../../api';

const cardText = (card: { bankName: string; cardNumberMasked: string }) => `${card.bankName} ${card.cardNumberMasked}`;

/** Everything to settle first, all at once, as the server listed it. */
function Blockers({ blockers }: { blockers: ClosureCheck['blockers'] }) {
  return (
    <View id='closure-blockers' className='card'>
      <Text className='card__title'>暂不能销户，请先处理以下事项</Text>
      {blockers.map((blocker) => (
        <View key={blocker.code} id={`blocker-${blocker.code}`} className='list-row'>
          <View className='list-row__main'>
            <Text className='list-row__title'>{blocker.title}</Text>
            <Text className='meta'>{blocker.message}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function Closed({ closure }: { closure: AccountClosure }) {
  return (
    <View className='page'>
      <ResultCard message='电子账户已注销' messageId='closure-done' figure={{ id: 'closure-swept', label: '余额已转至绑定卡', value: formatFen(closure.sweptFen) }}>
        <InfoRow label='转入银行卡' value={cardText(closure.sweptToCard)} />
        <InfoRow label='注销时间' value={formatDateTime(closure.closedAt)} />
      </ResultCard>
      <Text className='hint'>依照反洗钱法规定，您的身份资料和交易记录将保存至 {formatDateTime(closure.retainUntil)}。</Text>
      <View className='actions'>
        <Button id='closure-finish' className='btn btn--primary' onClick={goHome}>
          完成
        </Button>
      </View>
      <ServicePhone />
    </View>
  );
}

/** The pre-check (balance, card, every blocker), then the review and the PIN. */
function CheckPage({ check, onClosed }: { check: ClosureCheck; onClosed: (closure: AccountClosure) => void }) {
  const payment = usePayment();
  const blocked = check.blockers.length > 0;

  function submit() {
    void payment.start({
      path: ACCOUNT_CLOSURE_PATH,
      body: {},
      pinOnly: true,
      send: (body, idempotencyKey) => closeAccount(body, idempotencyKey),
      onPaid: onClosed,
    });
  }

  return (
    <View className='page'>
      <Intro title='注销电子账户' text='注销后账户不能再使用，也不能恢复。余额将全部转入您的绑定银行卡。' />
      <View className='card'>
        <InfoRow label='电子账户' value={check.accountNumberMasked} />
        <InfoRow id='closure-balance' label='账户余额' value={formatFen(check.balanceFen)} />
        <InfoRow label='余额转入' value={cardText(check.boundCard)} />
      </View>
      {blocked ? (
        <Blockers blockers={check.blockers} />
      ) : (
        <View id='closure-ready' className='notice'>
          <Text>您的账户没有未结清的贷款、理财或处理中的缴费，可以注销。</Text>
        </View>
      )}
      <Text className='hint'>依照反洗钱法规定，注销后您的身份资料和交易记录仍将保存 {check.retentionYears} 年。</Text>
      {!blocked && (
        <PaymentActions id='closure-submit' payment={payment} title='注销电子账户' confirmLabel='确认注销' onClick={submit}>
          确认注销
        </PaymentActions>
      )}
      <ServicePhone />
    </View>
  );
}

/** 销户: the pre-check, the review and the PIN, the result. */
export default function AccountClosurePage() {
  const { remote, reload } = useRemote(getClosureCheck);
  const [closure, setClosure] = useState<AccountClosure | null>(null);
  if (closure) return <Closed closure={closure} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <CheckPage check={remote.data} onClosed={setClosure} />;
}
