import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { LoanView } from '@contract/loan-schemas';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { ReferenceRow } from '@/components/ReferenceRow';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getLoan } from '../../api';
import { LoanMissing } from '../../components/LoanMissing';
import { Rates } from '../../components/Rates';
import { InstallmentSchedule } from '../../components/Schedule';
import { DPD_BUCKET_LABELS, loanStatusClass, loanStatusLabel } from '../../labels';
import '../../loan.css';

function Summary({ loan }: { loan: LoanView }) {
  const overdue = loan.overdue.daysPastDue > 0;
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{loan.productName}</Text>
        <Text id='loan-status' className={loanStatusClass(loan)}>
          {loanStatusLabel(loan)}
        </Text>
      </View>
      <KeyFigure label='待还本金' value={formatFen(loan.outstandingPrincipalFen)} id='loan-outstanding' />
      {overdue && (
        <View id='loan-overdue' className='notice notice--danger'>
          <Text>
            已逾期 {loan.overdue.daysPastDue} 天（{DPD_BUCKET_LABELS[loan.overdue.bucket]}），逾期应还{' '}
            {formatFen(loan.overdue.overdueTotalFen)}，逾期本金按合同利率上浮{' '}
            {loan.contract.penaltyRateMarkupPercent}% 计收罚息，请尽快还款。
          </Text>
        </View>
      )}
      {loan.nextDue && (
        <InfoRow label={`下期还款 ${loan.nextDue.dueDate}`} value={formatFen(loan.nextDue.amountFen)} id='loan-next-due' />
      )}
    </View>
  );
}

function Terms({ loan }: { loan: LoanView }) {
  const rows = [
    ['借款金额', formatFen(loan.principalFen)],
    ['借款期限', `${loan.termMonths} 个月`],
    ['还款方式', loan.methodLabel],
    ['放款日', loan.drawdownDate],
    ['到期日', loan.maturityDate],
    ['合同编号', loan.contractNo],
    ['冷静期', `放款后 ${loan.contract.coolingOffDays} 天`],
    ['已延期', `${loan.deferralsUsed} 次`],
  ];
  return (
    <View className='card'>
      <Rates id='loan-annualized-rate' rates={loan} />
      {rows.map(([label, value]) => (
        <InfoRow key={label} label={label} value={value} />
      ))}
      {/* What the drawdown's history entry shows: the customer can match the two, or read it out. */}
      <ReferenceRow label='放款参考号' reference={loan.drawdownReference} />
    </View>
  );
}

function Actions({ loan }: { loan: LoanView }) {
  const query = { loanId: loan.loanId };
  if (loan.status === 'PAID_OFF') {
    return (
      <View className='actions'>
        <Button id='loan-certificate' className='btn btn--primary' onClick={() => goTo(PAGES.payoffCertificate, query)}>
          开具结清证明
        </Button>
      </View>
    );
  }
  return (
    <View className='card'>
      <Button
        id='loan-repay'
        className='btn btn--primary'
        onClick={() => goTo(PAGES.loanRepay, query)}
      >
        还款
      </Button>
      <View className='button-row'>
        <Button
          id='loan-payoff'
          className='btn btn--ghost'
          onClick={() => goTo(PAGES.loanPayoff, query)}
        >
          提前结清
        </Button>
        <Button
          id='loan-deferral'
          className='btn btn--ghost'
          onClick={() => goTo(PAGES.loanDeferral, query)}
        >
          延期还款
        </Button>
      </View>
    </View>
  );
}

/** One loan: where it stands, its price, what to do, and every installment. */
export default function LoanPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.loanId, getLoan);
  if (remote.status === 'missing') return <LoanMissing />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const loan = remote.data;
  return (
    <View className='page'>
      <Summary loan={loan} />
      <Actions loan={loan} />
      <Terms loan={loan} />
      <InstallmentSchedule installments={loan.installments} />
    </View>
  );
}
