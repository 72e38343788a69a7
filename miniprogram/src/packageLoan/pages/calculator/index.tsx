import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CalculatorResponse, LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { calculateLoan, getLoanProducts } from '../../api';
import { Options } from '../../components/Options';
import { Rates } from '../../components/Rates';
import { PlanSchedule } from '../../components/Schedule';
import {
  defaultMethod,
  defaultTerm,
  methodOptions,
  parseLoanAmount,
  type RepaymentMethod,
  termOptions,
} from '../../form';
import { paymentFigures } from '../../payments';
import '../../loan.css';

function Quote({ quote }: { quote: CalculatorResponse }) {
  return (
    <View>
      <View className='card'>
        <Rates
          id='calc-annualized-rate'
          annualizedRateDisplay={quote.annualizedRateDisplay}
          annualRateDisplay={quote.annualRateDisplay}
        />
        {paymentFigures(quote.method, quote.installments).map((figure) => (
          <View key={figure.label} className='info-row'>
            <Text className='info-row__label'>{figure.label}</Text>
            <Text className='info-row__value'>{formatFen(figure.amountFen)}</Text>
          </View>
        ))}
        <View className='info-row'>
          <Text className='info-row__label'>利息总额</Text>
          <Text id='calc-total-interest' className='info-row__value'>
            {formatFen(quote.totalInterestFen)}
          </Text>
        </View>
        <View className='info-row'>
          <Text className='info-row__label'>还款总额</Text>
          <Text className='info-row__value'>{formatFen(quote.totalPaymentFen)}</Text>
        </View>
        <Text className='hint'>
          按信用等级 {quote.grade} 的利率试算，实际利率以审批结果为准。年化利率按内部收益率（IRR）法计算。
        </Text>
      </View>
      <PlanSchedule lines={quote.installments} />
    </View>
  );
}

function Calculator({
  products,
  initialProductId,
}: {
  products: LoanProductView[];
  initialProductId: string | undefined;
}) {
  const [product, setProduct] = useState(
    () => products.find((item) => item.productId === initialProductId) ?? products[0],
  );
  const [amount, setAmount] = useState('');
  const [term, setTerm] = useState(() => defaultTerm(product));
  const [method, setMethod] = useState(() => defaultMethod(product));
  const [quote, setQuote] = useState<CalculatorResponse | null>(null);
  const { busy, error, setError, run } = useSubmit();

  function selectProduct(productId: string) {
    const next = products.find((item) => item.productId === productId);
    if (!next) return;
    setProduct(next);
    setTerm(defaultTerm(next));
    setMethod(defaultMethod(next));
    setQuote(null);
  }

  function change<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      setQuote(null);
    };
  }

  async function handleCalculate() {
    const parsed = parseLoanAmount(amount, product.minAmountFen, product.maxAmountFen);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (term === null || method === null) {
      setError('请选择借款期限和还款方式');
      return;
    }
    const body = {
      productId: product.productId,
      amountFen: parsed.amountFen,
      termMonths: term,
      method,
    };
    const result = await run(() => calculateLoan(body));
    if (result) setQuote(result);
  }

  function handleApply() {
    if (!quote) return;
    goTo(PAGES.loanApply, {
      productId: quote.productId,
      amountFen: quote.amountFen,
      termMonths: quote.termMonths,
      method: quote.method,
    });
  }

  return (
    <View className='page'>
      <View className='intro'>
        <Text className='intro__title'>借款计算器</Text>
        <Text className='intro__text'>试算无需登录，不查询征信，结果含完整还款计划。</Text>
      </View>
      <View className='card'>
        <Options
          idPrefix='calc-product'
          label='产品'
          options={products.map((item) => ({ value: item.productId, label: item.name }))}
          selected={product.productId}
          onSelect={selectProduct}
        />
        <Field
          id='calc-amount'
          label='借款金额'
          kind='amount'
          value={amount}
          onChange={change(setAmount)}
          maxlength={13}
          placeholder='0.00'
        />
        <Options
          idPrefix='calc-term'
          label='借款期限'
          options={termOptions(product)}
          selected={term}
          onSelect={change<number>(setTerm)}
        />
        <Options
          idPrefix='calc-method'
          label='还款方式'
          options={methodOptions(product)}
          selected={method}
          onSelect={change<RepaymentMethod>(setMethod)}
        />
      </View>
      <Text className='hint'>
        可借 {formatFen(product.minAmountFen)} 至 {formatFen(product.maxAmountFen)}。
      </Text>
      <View className='actions'>
        <SubmitButton id='calc-submit' busy={busy} onClick={handleCalculate}>
          开始试算
        </SubmitButton>
      </View>
      <ErrorText message={error} />

      {quote && (
        <View className='actions'>
          <Quote quote={quote} />
          <View className='actions'>
            <Button id='calc-apply' className='btn btn--primary' onClick={handleApply}>
              按此方案申请额度
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** Amount, term, method → full schedule, total interest and annualized rate. No sign-in. */
export default function CalculatorPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(getLoanProducts);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  if (remote.data.items.length === 0) {
    return <LoadFailed message='暂无可申请的贷款产品' onRetry={reload} />;
  }
  return <Calculator products={remote.data.items} initialProductId={params.productId} />;
}
