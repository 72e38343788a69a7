import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { getAccount } from '@/api/bank';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { fenParam, textParam } from '@/lib/result';
import { Rates } from '../../components/Rates';
import '../../loan.css';

const MESSAGE: Record<string, string> = {
  DRAW: '借款成功，已发放至电子账户',
  REPAY: '还款成功',
  PAYOFF: '借款已结清',
  DEFERRAL: '延期还款已生效',
};

function Row({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='info-row'>
      <Text className='info-row__label'>{label}</Text>
      <Text id={id} className='info-row__value'>
        {value}
      </Text>
    </View>
  );
}

function Balance({ balanceFen }: { balanceFen: number }) {
  return <Row label='账户余额' value={formatFen(balanceFen)} id='result-balance' />;
}

/** A drawdown answers with the loan, not the account: the balance is read from the account. */
function BalanceAfterDrawdown() {
  const { remote } = useRemote(getAccount);
  if (remote.status !== 'ready') return null;
  return <Balance balanceFen={remote.data.balanceFen} />;
}

/** Repayments, payoffs and deferrals start on the loan's page: back to it (it reloads on show). */
function openLoan(kind: string, loanId: string) {
  if (kind !== 'DRAW' && Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else replaceWith(PAGES.loan, { loanId });
}

/** A finished drawdown, repayment, payoff or deferral, as the server returned it. */
export default function LoanResultPage() {
  const { params } = useRouter();
  const kind = params.kind ?? '';
  const loanId = textParam(params.loanId);
  const amountFen = fenParam(params.amountFen);
  const balanceFen = fenParam(params.balanceFen);
  const principalFen = fenParam(params.principalFen);
  const interestFen = fenParam(params.interestFen);
  const penaltyFen = fenParam(params.penaltyFen);
  const outstandingFen = fenParam(params.outstandingFen);
  const annualizedRate = textParam(params.annualizedRate);
  const annualRate = textParam(params.annualRate);

  return (
    <View className='page result'>
      <View className='card result__card'>
        <View className='result__icon'>
          <Text>✓</Text>
        </View>
        <Text id='result-message' className='result__message'>
          {MESSAGE[kind] ?? '办理成功'}
        </Text>
        {amountFen !== null && (
          <Text id='result-amount' className='result__amount'>
            {formatFen(amountFen)}
          </Text>
        )}
        <View className='result__details'>
          {annualizedRate && annualRate && (
            <Rates
              id='result-annualized-rate'
              annualizedRateDisplay={annualizedRate}
              annualRateDisplay={annualRate}
            />
          )}
          {params.contractNo && <Row label='合同编号' value={textParam(params.contractNo)} />}
          {principalFen !== null && <Row label='其中本金' value={formatFen(principalFen)} />}
          {interestFen !== null && <Row label='其中利息' value={formatFen(interestFen)} />}
          {penaltyFen !== null && penaltyFen > 0 && (
            <Row label='其中罚息' value={formatFen(penaltyFen)} />
          )}
          {outstandingFen !== null && <Row label='剩余待还本金' value={formatFen(outstandingFen)} />}
          {params.months && <Row label='延期期数' value={`${params.months} 个月`} />}
          {params.maturityDate && (
            <Row label='新的到期日' value={textParam(params.maturityDate)} />
          )}
          {balanceFen !== null && <Balance balanceFen={balanceFen} />}
          {balanceFen === null && kind === 'DRAW' && <BalanceAfterDrawdown />}
        </View>
      </View>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
        {loanId && (
          <Button
            id='result-loan'
            className='btn btn--ghost'
            onClick={() => openLoan(kind, loanId)}
          >
            查看借款详情
          </Button>
        )}
      </View>
    </View>
  );
}
