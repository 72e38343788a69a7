import { Button, Text, View } from '@tarojs/components';
import type { LoanDecisionView } from '@contract/loan-schemas';
import { formatFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { Rates } from '../../components/Rates';
import { takeOverDecision } from '../../decision';
import '../../loan.css';

function Approved({ decision }: { decision: LoanDecisionView }) {
  return (
    <View>
      <View className='card result__card'>
        <View className='result__icon'>
          <Text>✓</Text>
        </View>
        <Text id='decision-outcome' className='result__message'>
          已批准
        </Text>
        <Text className='result__label'>授信额度</Text>
        <Text id='decision-limit' className='result__amount'>
          {decision.creditLimitFen === null ? '—' : formatFen(decision.creditLimitFen)}
        </Text>
        <View className='result__details'>
          {decision.annualizedRateDisplay !== null && decision.annualRateDisplay !== null && (
            <Rates
              id='decision-annualized-rate'
              annualizedRateDisplay={decision.annualizedRateDisplay}
              annualRateDisplay={decision.annualRateDisplay}
            />
          )}
          <View className='info-row'>
            <Text className='info-row__label'>信用等级</Text>
            <Text className='info-row__value'>{decision.grade}</Text>
          </View>
          <View className='info-row'>
            <Text className='info-row__label'>额度有效期至</Text>
            <Text className='info-row__value'>{decision.lineExpiresOn}</Text>
          </View>
          <View className='info-row'>
            <Text className='info-row__label'>审批日期</Text>
            <Text className='info-row__value'>{decision.decidedOn}</Text>
          </View>
        </View>
      </View>
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
      <View className='card result__card'>
        <View className='result__icon result__icon--warn'>
          <Text>!</Text>
        </View>
        <Text id='decision-outcome' className='result__message'>
          未通过
        </Text>
        <View className='result__details'>
          <Text className='card__subtitle'>未通过的原因</Text>
          {decision.reasons.map((reason) => (
            <Text key={reason.code} className='reason'>
              {reason.message}
            </Text>
          ))}
        </View>
      </View>
      <Text id='decision-reapply' className='hint'>
        {reapplyNow
          ? '调整申请内容后可立即重新申请。'
          : `您可于 ${decision.reapplyAfter} 起重新申请。`}
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

/** The automatic decision just made on the apply page, approved or with its reasons. */
export default function DecisionPage() {
  const decision = takeOverDecision();
  if (!decision) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='card__title'>审批结果已无法在此显示</Text>
          <Text className='hint'>获批的额度可在「贷款」页查看和使用；未获批时可在「贷款」页重新申请。</Text>
        </View>
        <View className='actions'>
          <Button className='btn btn--primary' onClick={() => replaceWith(PAGES.loans)}>
            查看我的贷款
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className='page'>
      {decision.outcome === 'APPROVED' ? (
        <Approved decision={decision} />
      ) : (
        <Declined decision={decision} />
      )}
    </View>
  );
}
