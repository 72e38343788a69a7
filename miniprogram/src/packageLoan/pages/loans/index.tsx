import { Button, Text, View } from '@tarojs/components';
import type { CreditLineView, LoanView } from '@contract/loan-schemas';
import { MenuRow } from '@/components/MenuRow';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getCreditLines, getLoans } from '../../api';
import { CreditLineCard } from '../../components/CreditLineCard';
import { loanStatusClass, loanStatusLabel } from '../../labels';
import '../../loan.css';

function CreditLine({ line }: { line: CreditLineView }) {
  return (
    <CreditLineCard line={line} className='card credit-line'>
      <Text className='hint'>借款前展示该笔借款的年化利率与完整还款计划。</Text>
      <View className='actions'>
        <Button
          id={`loans-draw-${line.productId}`}
          className={line.availableFen > 0 ? 'btn btn--primary' : 'btn btn--primary btn--disabled'}
          disabled={line.availableFen <= 0}
          onClick={() => goTo(PAGES.loanDraw, { productId: line.productId })}
        >
          去借款
        </Button>
      </View>
    </CreditLineCard>
  );
}

function LoanRow({ loan }: { loan: LoanView }) {
  return (
    <View className='list-row loan-item' onClick={() => goTo(PAGES.loan, { loanId: loan.loanId })}>
      <View className='list-row__main'>
        <Text className='list-row__title'>{loan.productName}</Text>
        <Text className='meta'>
          借款 {formatFen(loan.principalFen)} · {loan.termMonths} 个月 · {loan.drawdownDate}
        </Text>
        {loan.nextDue && (
          <Text className='meta'>
            下期 {loan.nextDue.dueDate} 应还 {formatFen(loan.nextDue.amountFen)}
          </Text>
        )}
      </View>
      <View className='list-row__side'>
        <Text className={loanStatusClass(loan)}>{loanStatusLabel(loan)}</Text>
        <Text className='meta'>待还本金</Text>
        <Text className='list-row__amount'>{formatFen(loan.outstandingPrincipalFen)}</Text>
      </View>
    </View>
  );
}

async function loadLoansPage(): Promise<{ lines: CreditLineView[]; loans: LoanView[] }> {
  const [lines, loans] = await Promise.all([getCreditLines(), getLoans()]);
  return { lines: lines.items, loans: loans.items };
}

/** The loans home: credit lines to draw on, or an invitation to apply; then my loans. */
export default function LoansPage() {
  const { remote, reload } = useRemote(loadLoansPage);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { lines, loans } = remote.data;

  return (
    <View className='page'>
      {lines.length > 0 ? (
        lines.map((line) => <CreditLine key={line.productId} line={line} />)
      ) : (
        <View className='card'>
          <Text className='card__title'>近邻贷款</Text>
          <Text className='card__subtitle'>线上申请，系统自动审批，额度立即可用</Text>
          <View className='actions'>
            <Button
              id='loans-apply'
              className='btn btn--primary'
              onClick={() => goTo(PAGES.loanApply)}
            >
              申请额度
            </Button>
          </View>
        </View>
      )}

      <View className='card menu'>
        <MenuRow id='loans-calculator' label='借款计算器' onClick={() => goTo(PAGES.loanCalculator)} />
      </View>

      <View className='card'>
        <Text className='card__title'>我的借款</Text>
        {loans.length === 0 ? (
          <Text className='empty'>暂无借款</Text>
        ) : (
          loans.map((loan) => <LoanRow key={loan.loanId} loan={loan} />)
        )}
      </View>
    </View>
  );
}
