import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Me } from '@contract/schemas';
import type { LoanApplicationRequest, LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { getMe } from '@/api/bank';
import { Consent } from '@/components/Consent';
import { Field } from '@/components/Field';
import { ErrorText, LoadFailed, Loading } from '@/components/Status';
import { SubmitButton } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { formatFen, parseYuanToFen } from '@/lib/money';
import { goHome, PAGES, replaceWith } from '@/lib/nav';
import { applyForLoan, getLoanProducts } from '../../api';
import { Options } from '../../components/Options';
import { handOverDecision } from '../../decision';
import {
  defaultMethod,
  defaultTerm,
  methodOptions,
  parseLoanAmount,
  type RepaymentMethod,
  termOptions,
  yuanFromParam,
} from '../../form';
import { type Industry, INDUSTRY_LABELS, keysOf } from '../../labels';
import '../../loan.css';

type Purpose = LoanApplicationRequest['purpose'];

/** The version of the consent text below; the server stores it with the time of consent. */
const BUREAU_CONSENT_VERSION = 'bureau-consent-2025-05';
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const TEXT_MAX_LENGTH = 100;

const INDUSTRY_OPTIONS = keysOf(INDUSTRY_LABELS).map((industry) => ({
  value: industry,
  label: INDUSTRY_LABELS[industry],
}));

interface Prefill {
  productId?: string;
  amountFen?: string;
  termMonths?: string;
  method?: string;
}

function ApplyForm({ products, prefill }: { products: LoanProductView[]; prefill: Prefill }) {
  const [product, setProduct] = useState(
    () => products.find((item) => item.productId === prefill.productId) ?? products[0],
  );
  const [amount, setAmount] = useState(() => yuanFromParam(prefill.amountFen));
  const [term, setTerm] = useState(() => {
    const asked = Number(prefill.termMonths);
    return product.termsMonths.includes(asked) ? asked : defaultTerm(product);
  });
  const [method, setMethod] = useState(
    () =>
      product.methods.find((entry) => entry.method === prefill.method)?.method ??
      defaultMethod(product),
  );
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [income, setIncome] = useState('');
  const [employer, setEmployer] = useState('');
  const [industry, setIndustry] = useState<Industry | null>(null);
  const [creditCode, setCreditCode] = useState('');
  const [businessName, setBusinessName] = useState('');
  const [consented, setConsented] = useState(false);
  const { busy, error, setError, run } = useSubmit();

  function selectProduct(productId: string) {
    const next = products.find((item) => item.productId === productId);
    if (!next) return;
    setProduct(next);
    setTerm(defaultTerm(next));
    setMethod(defaultMethod(next));
    setPurpose(null);
  }

  function businessLicence(): LoanApplicationRequest['businessLicence'] | string {
    if (!product.requiresBusinessLicence) return undefined;
    const code = creditCode.trim().toUpperCase();
    if (!CREDIT_CODE_PATTERN.test(code)) return '请输入 18 位统一社会信用代码';
    const name = businessName.trim();
    if (!name) return '请输入营业执照上的经营主体名称';
    return { creditCode: code, businessName: name };
  }

  async function handleSubmit() {
    const parsedAmount = parseLoanAmount(amount, product.minAmountFen, product.maxAmountFen);
    if (!parsedAmount.ok) {
      setError(parsedAmount.message);
      return;
    }
    if (term === null || method === null) {
      setError('请选择借款期限和还款方式');
      return;
    }
    if (purpose === null) {
      setError('请选择借款用途');
      return;
    }
    const parsedIncome = parseYuanToFen(income);
    if (!parsedIncome.ok) {
      setError(`月收入：${parsedIncome.message}`);
      return;
    }
    if (!employer.trim()) {
      setError('请输入工作单位');
      return;
    }
    if (industry === null) {
      setError('请选择所属行业');
      return;
    }
    const licence = businessLicence();
    if (typeof licence === 'string') {
      setError(licence);
      return;
    }
    if (!consented) {
      setError('请阅读并同意征信查询授权');
      return;
    }
    const body: LoanApplicationRequest = {
      productId: product.productId,
      amountFen: parsedAmount.amountFen,
      termMonths: term,
      method,
      purpose,
      monthlyIncomeFen: parsedIncome.amountFen,
      employer: employer.trim(),
      industry,
      bureauConsent: { agreed: true, textVersion: BUREAU_CONSENT_VERSION },
      ...(licence ? { businessLicence: licence } : {}),
    };
    const decision = await run(() => applyForLoan(body));
    if (!decision) return;
    handOverDecision(decision);
    replaceWith(PAGES.loanDecision);
  }

  return (
    <View className='page'>
      <View className='intro'>
        <Text className='intro__title'>申请贷款额度</Text>
        <Text className='intro__text'>全程线上，提交后系统自动审批，结果立即可见。</Text>
      </View>

      <View className='card'>
        <Text className='card__title'>借款需求</Text>
        <Options
          idPrefix='apply-product'
          label='产品'
          options={products.map((item) => ({ value: item.productId, label: item.name }))}
          selected={product.productId}
          onSelect={selectProduct}
        />
        <Field
          id='apply-amount'
          label='借款金额'
          kind='amount'
          value={amount}
          onChange={setAmount}
          maxlength={13}
          placeholder='0.00'
        />
        <Options
          idPrefix='apply-term'
          label='借款期限'
          options={termOptions(product)}
          selected={term}
          onSelect={setTerm}
        />
        <Options
          idPrefix='apply-method'
          label='还款方式'
          options={methodOptions(product)}
          selected={method}
          onSelect={(value: RepaymentMethod) => setMethod(value)}
        />
        <Options
          idPrefix='apply-purpose'
          label='借款用途'
          options={product.purposes.map((entry) => ({ value: entry.purpose, label: entry.label }))}
          selected={purpose}
          onSelect={setPurpose}
        />
      </View>
      <Text className='hint'>
        可借 {formatFen(product.minAmountFen)} 至 {formatFen(product.maxAmountFen)}
        ，获批额度根据您的收入与信用情况确定。
      </Text>

      <View className='card'>
        <Text className='card__title'>收入与工作</Text>
        <Field
          id='apply-income'
          label='税后月收入'
          kind='amount'
          value={income}
          onChange={setIncome}
          maxlength={13}
          placeholder='0.00'
        />
        <Field
          id='apply-employer'
          label='工作单位'
          value={employer}
          onChange={setEmployer}
          maxlength={TEXT_MAX_LENGTH}
          placeholder='单位全称'
        />
        <Options
          idPrefix='apply-industry'
          label='所属行业'
          options={INDUSTRY_OPTIONS}
          selected={industry}
          onSelect={setIndustry}
        />
      </View>

      {product.requiresBusinessLicence && (
        <View className='card'>
          <Text className='card__title'>营业执照</Text>
          <Field
            id='apply-credit-code'
            label='信用代码'
            value={creditCode}
            onChange={setCreditCode}
            maxlength={18}
            placeholder='18 位统一社会信用代码'
          />
          <Field
            id='apply-business-name'
            label='主体名称'
            value={businessName}
            onChange={setBusinessName}
            maxlength={TEXT_MAX_LENGTH}
            placeholder='与营业执照一致'
          />
        </View>
      )}

      <View className='card'>
        <Consent id='apply-consent' checked={consented} onToggle={() => setConsented(!consented)}>
          {`本人同意并授权近邻银行向中国人民银行征信中心及依法设立的征信机构查询本人的信用报告，用于本次贷款审批及贷后管理。（授权书版本 ${BUREAU_CONSENT_VERSION}）`}
        </Consent>
      </View>

      <View className='actions'>
        <SubmitButton id='apply-submit' busy={busy} onClick={handleSubmit}>
          提交申请
        </SubmitButton>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

function NeedsAccount() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>请先开通电子账户</Text>
        <Text className='hint'>
          申请贷款需完成实名认证并开通近邻银行电子账户，借款将发放至该账户，还款也从该账户扣收。
        </Text>
      </View>
      <View className='actions'>
        <Button id='apply-go-home' className='btn btn--primary' onClick={goHome}>
          去开通
        </Button>
      </View>
    </View>
  );
}

async function loadApplyPage(): Promise<{ me: Me; products: LoanProductView[] }> {
  const [me, list] = await Promise.all([getMe(), getLoanProducts()]);
  return { me, products: list.items };
}

/** Apply for a credit line: needs a signed-in, verified customer with an e-account. */
export default function ApplyPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(loadApplyPage);
  if (remote.status === 'loading') return <Loading />;
  if (remote.status === 'failed') return <LoadFailed message={remote.message} onRetry={reload} />;
  const { me, products } = remote.data;
  if (me.realName === null || me.account === null) return <NeedsAccount />;
  if (products.length === 0) return <LoadFailed message='暂无可申请的贷款产品' onRetry={reload} />;
  return <ApplyForm products={products} prefill={params} />;
}
