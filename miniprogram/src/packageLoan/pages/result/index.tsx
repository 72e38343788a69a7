import Taro, { useRouter } from '@tarojs/taro';
import { getAccount } from '@/api/bank';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam, knownKind, textParam } from '@/lib/result';
import { Rates } from '../../components/Rates';
import '../../loan.css';

const MESSAGE: Record<string, string> = {
  DRAW: '借款成功，已发放至电子账户',
  REPAY: '还款成功',
  PREPAY: '提前还款成功',
  PAYOFF: '借款已结清',
  DEFERRAL: '延期还款已生效',
};

/** A drawdown answers with the loan, not the account: the balance is read from the account. */
function BalanceAfterDrawdown() {
  const { remote } = useRemote(getAccount);
  if (remote.status !== 'ready') return null;
  return <BalanceRow balanceFen={remote.data.balanceFen} />;
}

/** Repayments, payoffs and deferrals start on the loan's page: back to it (it reloads on show). */
function openLoan(kind: string, loanId: string) {
  if (kind !== 'DRAW' && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else replaceWith(PAGES.loan, { loanId });
}

/** An amount row, when the server's answer carried that amount. */
function FenRow({ label, param }: { label: string; param: string | undefined }) {
  const amountFen = fenParam(param);
  return amountFen === null ? null : <InfoRow label={label} value={formatFen(amountFen)} />;
}

/** A finished drawdown, repayment, payoff or deferral, as the server returned it. */
export default function LoanResultPage() {
  const { params } = useRouter();
  const kind = knownKind(MESSAGE, params.kind);
  if (!kind) return <MissingTarget message='未找到这笔借款业务的结果' next={{ label: '查看我的借款', onClick: () => replaceWith(PAGES.loans) }} />;
  const loanId = textParam(params.loanId);
  const balanceFen = fenParam(params.balanceFen);
  const penaltyFen = fenParam(params.penaltyFen);
  const annualizedRate = textParam(params.annualizedRate);
  const annualRate = textParam(params.annualRate);

  return (
    <ResultPage
      message={MESSAGE[kind]}
      amountFen={fenParam(params.amountFen)}
      reference={textParam(params.reference)}
      next={loanId ? { id: 'result-loan', label: '查看借款详情', onClick: () => openLoan(kind, loanId) } : undefined}
    >
      {annualizedRate && annualRate && (
        <Rates id='result-annualized-rate' rates={{ annualizedRateDisplay: annualizedRate, annualRateDisplay: annualRate }} />
      )}
      {params.contractNo && <InfoRow label='合同编号' value={textParam(params.contractNo)} />}
      <FenRow label='其中本金' param={params.principalFen} />
      <FenRow label='其中利息' param={params.interestFen} />
      {penaltyFen !== null && penaltyFen > 0 && <InfoRow label='其中罚息' value={formatFen(penaltyFen)} />}
      <FenRow label='剩余待还本金' param={params.outstandingFen} />
      {params.months && <InfoRow label='延期期数' value={`${params.months} 个月`} />}
      {params.maturityDate && <InfoRow label='新的到期日' value={textParam(params.maturityDate)} />}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
      {balanceFen === null && kind === 'DRAW' && <BalanceAfterDrawdown />}
    </ResultPage>
  );
}
