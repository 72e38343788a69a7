import { Button, Text, View } from '@tarojs/components';
import type { CreditLineView, LoanView } from '@contract/loan-schemas';
import { LoadFailed, Loading } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getCreditLines, getLoans } from '../../api';
import { loanStatusClass, loanStatusLabel } from '../../labels';
import '../../loan.css';

function CreditLine({ line }: { line: CreditLineView }) {
  return (
    <View className='card credit-line'>
      <View className='card__head'>
        <Text className='card__title'>{line.productName}</Text>
        <Text className='badge'>信用等级 {line.grade}</Text>
      </View>
      <View className='figure'>
        <Text className='figure__label'>可用额度</Text>
        <Text className='figure__amount'>{formatFen(line.availableFen)}</Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>总额度</Text>
        <Text className='info-row__value'>{formatFen(line.creditLimitFen)}</Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>额度有效期至</Text>
        <Text className='info-row__value'>{line.lineExpiresOn}</Text>
      </View>
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
    </View>
  );
}

function LoanRow({ loan }: { loan: LoanView }) {
  return (
    <View className='loan-item' onClick={() => goTo(PAGES.loan, { loanId: loan.loanId })}>
      <View className='loan-item__body'>
        <Text className='loan-item__name'>{loan.productName}</Text>
        <Text className='loan-item__meta'>
          借款 {formatFen(loan.principalFen)} · {loan.termMonths} 个月 · {loan.drawdownDate}
        </Text>
        {loan.nextDue && (
          <Text className='loan-item__meta'>
            下期 {loan.nextDue.dueDate} 应还 {formatFen(loan.nextDue.amountFen)}
          </Text>
        )}
      </View>
      <View className='loan-item__side'>
        <Text className={loanStatusClass(loan)}>{loanStatusLabel(loan)}</Text>
        <Text className='loan-item__meta'>待还本金</Text>
        <Text className='loan-item__amount'>{formatFen(loan.outstandingPrincipalFen)}</Text>
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
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
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
        <View
          id='loans-calculator'
          className='menu__row'
          onClick={() => goTo(PAGES.loanCalculator)}
        >
          <Text>借款计算器</Text>
          <Text className='menu__arrow'>›</Text>
        </View>
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
