import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CalculatorResponse, CreditLineView, LoanProductView } from '@contract/loan-schemas';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen } from '@/lib/money';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { drawLoan, getCreditLines, getLoanProducts, quoteDrawdown } from '../../api';
import { Options } from '../../components/Options';
import { Rates } from '../../components/Rates';
import { PlanSchedule } from '../../components/Schedule';
import {
  defaultMethod,
  defaultTerm,
  methodOptions,
  parseLoanAmount,
  PIN_PATTERN,
  type RepaymentMethod,
  termOptions,
} from '../../form';
import { paymentFigures } from '../../payments';
import '../../loan.css';

type Preview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; quote: CalculatorResponse }
  | { status: 'failed'; message: string };

const PREVIEW_DELAY_MS = 300;

/** The schedule of the loan being drawn, priced by the server at the rate of this line. */
function SchedulePreview({ preview }: { preview: Preview }) {
  if (preview.status === 'idle') {
    return (
      <Text className='hint'>填写金额并选择期限、还款方式后，这里显示年化利率与还款计划。</Text>
    );
  }
  if (preview.status === 'loading') return <Text className='hint'>正在生成还款计划…</Text>;
  if (preview.status === 'failed') return <Text className='hint'>{preview.message}</Text>;
  const { quote } = preview;
  return (
    <View>
      <View className='card'>
        <Rates
          id='draw-annualized-rate'
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
          <Text className='info-row__value'>{formatFen(quote.totalInterestFen)}</Text>
        </View>
      </View>
      <PlanSchedule lines={quote.installments} />
    </View>
  );
}

function DrawForm({ line, product }: { line: CreditLineView; product: LoanProductView }) {
  const [amount, setAmount] = useState('');
  const [term, setTerm] = useState(() => defaultTerm(product));
  const [method, setMethod] = useState(() => defaultMethod(product));
  const [pin, setPin] = useState('');
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const { busy, error, setError, run, resetKey } = useSubmit();
  const maxFen = Math.min(product.maxAmountFen, line.availableFen);
  const parsed = parseLoanAmount(amount, product.minAmountFen, maxFen);
  const amountFen = parsed.ok ? parsed.amountFen : null;

  useEffect(() => {
    if (amountFen === null || term === null || method === null) {
      setPreview({ status: 'idle' });
      return undefined;
    }
    let current = true;
    setPreview({ status: 'loading' });
    const timer = setTimeout(() => {
      quoteDrawdown({ productId: product.productId, amountFen, termMonths: term, method }).then(
        (quote) => current && setPreview({ status: 'ready', quote }),
        (failure: unknown) =>
          current && setPreview({ status: 'failed', message: errorMessage(failure) }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [product.productId, amountFen, term, method]);

  function change<T>(set: (value: T) => void) {
    return (value: T) => {
      set(value);
      resetKey();
    };
  }

  async function handleSubmit() {
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    if (term === null || method === null) {
      setError('请选择借款期限和还款方式');
      return;
    }
    if (!PIN_PATTERN.test(pin)) {
      setError('请输入 6 位支付密码');
      return;
    }
    const body = {
      productId: line.productId,
      amountFen: parsed.amountFen,
      termMonths: term,
      method,
      pin,
    };
    const loan = await run((idempotencyKey) => drawLoan(body, idempotencyKey));
    if (!loan) {
      setPin('');
      return;
    }
    replaceWith(PAGES.loanResult, {
      kind: 'DRAW',
      loanId: loan.loanId,
      amountFen: loan.principalFen,
      contractNo: loan.contractNo,
      annualizedRate: loan.annualizedRateDisplay,
      annualRate: loan.annualRateDisplay,
    });
  }

  return (
    <View>
      <View className='card'>
        <Field
          id='draw-amount'
          label='借款金额'
          kind='amount'
          value={amount}
          onChange={change(setAmount)}
          maxlength={13}
          placeholder='0.00'
        />
        <Options
          idPrefix='draw-term'
          label='借款期限'
          options={termOptions(product)}
          selected={term}
          onSelect={change<number>(setTerm)}
        />
        <Options
          idPrefix='draw-method'
          label='还款方式'
          options={methodOptions(product)}
          selected={method}
          onSelect={change<RepaymentMethod>(setMethod)}
        />
      </View>
      <Text className='hint'>
        本次可借 {formatFen(product.minAmountFen)} 至 {formatFen(maxFen)}。
      </Text>

      <SchedulePreview preview={preview} />

      <View className='card'>
        <Field
          id='pin-input'
          label='支付密码'
          kind='pin'
          value={pin}
          onChange={setPin}
          placeholder='6 位数字'
        />
      </View>
      <Text className='hint'>
        借款发放至您的近邻银行电子账户。放款后 {product.coolingOffDays}{' '}
        天内为冷静期，冷静期内提前结清免收利息。借款合同版本 {product.disclosureVersion}。
      </Text>
      <View className='actions'>
        <SubmitButton id='draw-submit' busy={busy} onClick={handleSubmit}>
          确认借款
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

function LineSummary({ line }: { line: CreditLineView }) {
  return (
    <View className='card'>
      <View className='card__head'>
        <Text className='card__title'>{line.productName}</Text>
        <Text className='badge'>信用等级 {line.grade}</Text>
      </View>
      <View className='figure'>
        <Text className='figure__label'>可用额度</Text>
        <Text id='draw-available' className='figure__amount'>
          {formatFen(line.availableFen)}
        </Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>总额度</Text>
        <Text className='info-row__value'>{formatFen(line.creditLimitFen)}</Text>
      </View>
      <View className='info-row'>
        <Text className='info-row__label'>额度有效期至</Text>
        <Text className='info-row__value'>{line.lineExpiresOn}</Text>
      </View>
    </View>
  );
}

function DrawPage({
  lines,
  products,
  initialProductId,
}: {
  lines: CreditLineView[];
  products: LoanProductView[];
  initialProductId: string | undefined;
}) {
  const [productId, setProductId] = useState(
    () => (lines.find((line) => line.productId === initialProductId) ?? lines[0]).productId,
  );
  const line = lines.find((item) => item.productId === productId) ?? lines[0];
  const product = products.find((item) => item.productId === line.productId);

  return (
    <View className='page'>
      {lines.length > 1 && (
        <View className='card'>
          <Options
            idPrefix='draw-line'
            label='选择额度'
            options={lines.map((item) => ({ value: item.productId, label: item.productName }))}
            selected={line.productId}
            onSelect={setProductId}
          />
        </View>
      )}
      <LineSummary line={line} />
      {product ? (
        <DrawForm key={line.productId} line={line} product={product} />
      ) : (
        <Text className='hint'>该产品暂停借款，请稍后再试。</Text>
      )}
    </View>
  );
}

async function loadDrawPage(): Promise<{ lines: CreditLineView[]; products: LoanProductView[] }> {
  const [lines, products] = await Promise.all([getCreditLines(), getLoanProducts()]);
  return { lines: lines.items, products: products.items };
}

/** Draw a loan within an approved credit line, after seeing its schedule. */
export default function DrawLoanPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(loadDrawPage);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const { lines, products } = remote.data;
  if (lines.length === 0) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='card__title'>暂无可用额度</Text>
          <Text className='hint'>申请额度获批后即可借款。</Text>
        </View>
        <View className='actions'>
          <Button className='btn btn--primary' onClick={() => goTo(PAGES.loanApply)}>
            申请额度
          </Button>
        </View>
      </View>
    );
  }
  return <DrawPage lines={lines} products={products} initialProductId={params.productId} />;
}
