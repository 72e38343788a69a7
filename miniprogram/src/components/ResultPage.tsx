import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { formatFen } from '@/lib/money';
import { goHome } from '@/lib/nav';
import { InfoRow } from './InfoRow';
import { ReferenceRow } from './ReferenceRow';

interface ResultCardProps {
  /** Set when the request did not end as asked (a reversed withdrawal, a declined application). */
  warn?: boolean;
  message: string;
  messageId?: string;
  /** The headline under the message: an amount, a credit limit, a risk level. */
  figure?: { value: string; id: string; label?: string };
  /** Detail rows, from the server's answer. */
  children?: ReactNode;
}

/** The card of a finished request: ✓ or !, what happened, its headline figure and the details. */
export function ResultCard({ warn = false, message, messageId = 'result-message', figure, children }: ResultCardProps) {
  return (
    <View className='card result__card'>
      <View className={warn ? 'result__icon result__icon--warn' : 'result__icon'}>
        <Text>{warn ? '!' : '✓'}</Text>
      </View>
      <Text id={messageId} className='result__message'>
        {message}
      </Text>
      {figure?.label && <Text className='result__label'>{figure.label}</Text>}
      {figure && (
        <Text id={figure.id} className='result__amount'>
          {figure.value}
        </Text>
      )}
      {children && <View className='result__details'>{children}</View>}
    </View>
  );
}

interface ResultPageProps {
  warn?: boolean;
  message: string;
  messageId?: string;
  /** The amount the server answered, in fen; none shown when null. */
  amountFen: number | null;
  amountId?: string;
  /** The movement's 参考号, when the server named one. */
  reference?: string;
  children?: ReactNode;
  /** A second way on after 返回首页 (the loan, the holdings, the bill history). */
  next?: { id: string; label: string; onClick: () => void };
}

/**
 * The page after a money movement, showing only what the server answered: forms replace
 * themselves with it, so Back cannot resubmit.
 */
export function ResultPage({ amountFen, amountId = 'result-amount', reference, next, children, ...card }: ResultPageProps) {
  const details = reference ? (
    <>
      <ReferenceRow reference={reference} />
      {children}
    </>
  ) : (
    children
  );
  return (
    <View className='page result'>
      <ResultCard {...card} figure={amountFen === null ? undefined : { value: formatFen(amountFen), id: amountId }}>
        {details}
      </ResultCard>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
        {next && (
          <Button id={next.id} className='btn btn--ghost' onClick={next.onClick}>
            {next.label}
          </Button>
        )}
      </View>
    </View>
  );
}

/** The e-account balance the server answered after the movement. */
export function BalanceRow({ balanceFen }: { balanceFen: number }) {
  return <InfoRow label='账户余额' value={formatFen(balanceFen)} id='result-balance' />;
}
