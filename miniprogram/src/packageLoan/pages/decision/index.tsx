import { Button, Text, View } from '@tarojs/components';
import type { LoanDecisionView } from '@contract/loan-schemas';
import { InfoRow } from '@/components/InfoRow';
import { ResultCard } from '@/components/ResultPage';
import { formatFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { Blocked } from '../../components/Blocked';
import { Rates } from '../../components/Rates';
import { takeOverDecision } from '../../decision';
import '../../loan.css';

function Approved({ decision }: { decision: LoanDecisionView }) {
  const { annualizedRateDisplay, annualRateDisplay } = decision;
  return (
    <View>
      <ResultCard
        message='已批准'
        messageId='decision-outcome'
        figure={{
          label: '授信额度',
          value: decision.creditLimitFen === null ? '—' : formatFen(decision.creditLimitFen),
          id: 'decision-limit',
        }}
      >
        {annualizedRateDisplay !== null && annualRateDisplay !== null && (
          <Rates id='decision-annualized-rate' rates={{ annualizedRateDisplay, annualRateDisplay }} />
        )}
        <InfoRow label='信用等级' value={decision.grade ?? '—'} />
        <InfoRow label='额度有效期至' value={decision.lineExpiresOn ?? '—'} />
        <InfoRow label='审批日期' value={decision.decidedOn} />
      </ResultCard>
      <Text className='hint'>
        年化利率按您申请的金额、期限与还款方式以内部收益率（IRR）法计算，每笔借款的利率以借款合同为准。
      </Text>
      <View className='actions'>
        <Button
          id='decision-draw'
          className='btn btn--primary'
          onClick={() => replaceWith(PAGES.loanDraw, { productId: decision.productId })}
        >
          立即借款
        </Button>
        <Button className='btn btn--ghost' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function Declined({ decision }: { decision: LoanDecisionView }) {
  const reapplyNow = decision.reapplyAfter === null || decision.reapplyAfter <= decision.decidedOn;
  return (
    <View>
      <ResultCard warn message='未通过' messageId='decision-outcome'>
        <Text className='card__subtitle'>未通过的原因</Text>
        {decision.reasons.map((reason) => (
          <Text key={reason.code} className='reason'>
            {reason.message}
          </Text>
        ))}
      </ResultCard>
      <Text id='decision-reapply' className='hint'>
        {reapplyNow ? '调整申请内容后可立即重新申请。' : `您可于 ${decision.reapplyAfter} 起重新申请。`}
      </Text>
      <View className='actions'>
        {reapplyNow && (
          <Button
            id='decision-reapply-now'
            className='btn btn--primary'
            onClick={() => replaceWith(PAGES.loanApply, { productId: decision.productId })}
          >
            修改后重新申请
          </Button>
        )}
        <Button className={reapplyNow ? 'btn btn--ghost' : 'btn btn--primary'} onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function DecisionGone() {
  return (
    <Blocked
      title='审批结果已无法在此显示'
      text='获批的额度可在「贷款」页查看和使用；未获批时可在「贷款」页重新申请。'
      action={{ label: '查看我的贷款', onClick: () => replaceWith(PAGES.loans) }}
    />
  );
}

/** The automatic decision just made on the apply page, approved or with its reasons. */
export default function DecisionPage() {
  const decision = takeOverDecision();
  if (!decision) return <DecisionGone />;
  return (
    <View className='page'>
      {decision.outcome === 'APPROVED' ? <Approved decision={decision} /> : <Declined decision={decision} />}
    </View>
  );
}
