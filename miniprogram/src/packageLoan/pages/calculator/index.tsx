import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CalculatorResponse, LoanProductView } from '@contract/loan-schemas';
import { Intro } from '@/components/Intro';
import { LoadFailed, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { getLoanProducts } from '../../api';
import { LoanQuote } from '../../components/LoanQuote';
import { LoanTerms } from '../../components/LoanTerms';
import { useCalculatorForm } from './useCalculatorForm';
import '../../loan.css';

function Quote({ quote, onApply }: { quote: CalculatorResponse; onApply: () => void }) {
  return (
    <View className='actions'>
      <LoanQuote idPrefix='calc' quote={quote}>
        <Text className='hint'>
          按信用等级 {quote.grade} 的利率试算，实际利率以审批结果为准。年化利率按内部收益率（IRR）法计算。
        </Text>
      </LoanQuote>
      <View className='actions'>
        <Button id='calc-apply' className='btn btn--primary' onClick={onApply}>
          按此方案申请额度
        </Button>
      </View>
    </View>
  );
}

function Calculator({ products, initialProductId }: { products: LoanProductView[]; initialProductId: string | undefined }) {
  const form = useCalculatorForm(products, initialProductId);
  const { product } = form;
  return (
    <View className='page'>
      <Intro title='借款计算器' text='试算无需登录，不查询征信，结果含完整还款计划。' />
      <View className='card'>
        <LoanTerms
          idPrefix='calc'
          product={product}
          value={form.terms}
          onChange={form.changeTerms}
          productChoice={{ products, onSelect: form.selectProduct }}
        />
      </View>
      <Text className='hint'>
        可借 {formatFen(product.minAmountFen)} 至 {formatFen(product.maxAmountFen)}。
      </Text>
      <SubmitActions id='calc-submit' busy={form.busy} error={form.error} onClick={form.calculate}>
        开始试算
      </SubmitActions>
      {form.quote && <Quote quote={form.quote} onApply={form.applyWithQuote} />}
    </View>
  );
}

/** Amount, term, method → full schedule, total interest and annualized rate. No sign-in. */
export default function CalculatorPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(getLoanProducts);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  if (remote.data.items.length === 0) return <LoadFailed message='暂无可申请的贷款产品' onRetry={reload} />;
  return <Calculator products={remote.data.items} initialProductId={params.productId} />;
}
