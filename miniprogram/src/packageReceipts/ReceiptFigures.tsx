import { Text, View } from '@tarojs/components';
import type { ReceiptFigures as Figures } from '@contract/receipt-schemas';
import { InfoRow } from '@/components/InfoRow';
import { ReferenceRow } from '@/components/ReferenceRow';
import { formatFen } from '@/lib/money';
import { formatDateTime } from '@/lib/time';

const party = ({ name, account }: Figures['payer']) => (account ? `${name} ${account}` : name);

/** A receipt's figures as the server gave them: on the customer's receipt and on the answer to
 *  a verification, so both read alike. */
export function ReceiptFigures({ receipt }: { receipt: Figures }) {
  return (
    <View>
      <Text className='receipt__label'>{receipt.direction === 'IN' ? '收入金额' : '支出金额'}</Text>
      <Text id='receipt-amount' className='receipt__amount'>
        {formatFen(receipt.amountFen)}
      </Text>
      <Text id='receipt-amount-words' className='receipt__words'>
        {receipt.amountWords}
      </Text>
      <InfoRow label='交易类型' value={receipt.kindLabel} id='receipt-kind' />
      <InfoRow label='摘要' value={receipt.summary} />
      <InfoRow label='付款方' value={party(receipt.payer)} id='receipt-payer' />
      <InfoRow label='收款方' value={party(receipt.payee)} id='receipt-payee' />
      <InfoRow label='交易时间' value={formatDateTime(receipt.createdAt)} id='receipt-time' />
      <ReferenceRow reference={receipt.reference} />
      <InfoRow label='交易流水号' value={receipt.journalId} id='receipt-journal' />
    </View>
  );
}
