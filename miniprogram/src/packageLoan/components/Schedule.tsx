import { Text, View } from '@tarojs/components';
import type { InstallmentView } from '@contract/loan-schemas';
import { formatFen } from '@/lib/money';
import { INSTALLMENT_STATUS_LABELS } from '../labels';
import type { ScheduleLine } from '../payments';

/** A schedule quoted before borrowing (calculator, drawdown preview). */
export function PlanSchedule({ lines }: { lines: readonly ScheduleLine[] }) {
  return (
    <View className='card schedule'>
      <Text className='card__title'>还款计划</Text>
      {lines.map((line) => (
        <View key={line.period} className='schedule-row'>
          <View className='schedule-row__main'>
            <Text className='schedule-row__period'>第 {line.period} 期</Text>
            <Text className='schedule-row__date'>{line.dueDate}</Text>
          </View>
          <View className='schedule-row__side'>
            <Text className='schedule-row__amount'>{formatFen(line.paymentFen)}</Text>
            <Text className='schedule-row__parts'>
              本金 {formatFen(line.principalFen)} · 利息 {formatFen(line.interestFen)}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}

function statusModifier(installment: InstallmentView): string {
  return `installment-status--${installment.status.toLowerCase()}`;
}

/** A loan's installments with what each one owes and its status. */
export function InstallmentSchedule({
  installments,
  title = '还款计划',
}: {
  installments: readonly InstallmentView[];
  title?: string;
}) {
  return (
    <View className='card schedule'>
      <Text className='card__title'>{title}</Text>
      {installments.map((installment) => (
        <View key={installment.period} className='schedule-row installment-row'>
          <View className='schedule-row__main'>
            <Text className='schedule-row__period'>第 {installment.period} 期</Text>
            <Text className='schedule-row__date'>{installment.dueDate}</Text>
          </View>
          <View className='schedule-row__side'>
            <View className='schedule-row__top'>
              <Text className={`installment-status ${statusModifier(installment)}`}>
                {INSTALLMENT_STATUS_LABELS[installment.status]}
              </Text>
              <Text className='schedule-row__amount installment-amount'>
                {formatFen(installment.dueFen)}
              </Text>
            </View>
            <Text className='schedule-row__parts'>
              本金 {formatFen(installment.principalFen)} · 利息 {formatFen(installment.interestFen)}
              {installment.penaltyFen > 0 ? ` · 罚息 ${formatFen(installment.penaltyFen)}` : ''}
            </Text>
            {installment.paidFen > 0 && (
              <Text className='schedule-row__paid'>已还 {formatFen(installment.paidFen)}</Text>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}
