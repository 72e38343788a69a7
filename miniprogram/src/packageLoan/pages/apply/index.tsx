import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { LoanProductView } from '@contract/loan-schemas';
import type { Me } from '@contract/schemas';
import { getMe } from '@/api/bank';
import { AmountInput } from '@/components/AmountInput';
import { Consent } from '@/components/Consent';
import { Field } from '@/components/Field';
import { Intro } from '@/components/Intro';
import { Options } from '@/components/Options';
import { LoadFailed, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goHome } from '@/lib/nav';
import { getLoanProducts } from '../../api';
import { Blocked } from '../../components/Blocked';
import { LoanTerms } from '../../components/LoanTerms';
import { INDUSTRY_LABELS, keysOf } from '../../labels';
import type { ProductPrefill } from '../../useProductTerms';
import { type ApplicationRules, type ApplyForm, useApplyForm } from './useApplyForm';
import '../../loan.css';

const TEXT_MAX_LENGTH = 100;

const INDUSTRY_OPTIONS = keysOf(INDUSTRY_LABELS).map((industry) => ({
  value: industry,
  label: INDUSTRY_LABELS[industry],
}));

function LoanSection({ form, products }: { form: ApplyForm; products: LoanProductView[] }) {
  const { product } = form;
  return (
    <View>
      <View className='card'>
        <Text className='card__title'>借款需求</Text>
        <LoanTerms
          idPrefix='apply'
          product={product}
          value={form.terms}
          onChange={form.setTerms}
          productChoice={{ products, onSelect: form.selectProduct }}
        />
        <Options
          idPrefix='apply-purpose'
          label='借款用途'
          options={product.purposes.map((entry) => ({ value: entry.purpose, label: entry.label }))}
          selected={form.applicant.purpose}
          onSelect={(purpose) => form.update({ purpose })}
        />
      </View>
      <Text className='hint'>
        可借 {formatFen(product.minAmountFen)} 至 {formatFen(product.maxAmountFen)}
        ，获批额度根据您的收入与信用情况确定。
      </Text>
    </View>
  );
}

function WorkSection({ form }: { form: ApplyForm }) {
  return (
    <View className='card'>
      <Text className='card__title'>收入与工作</Text>
      <AmountInput id='apply-income' label='税后月收入' value={form.applicant.income} onChange={(income) => form.update({ income })} />
      <Field
        id='apply-employer'
        label='工作单位'
        value={form.applicant.employer}
        onChange={(employer) => form.update({ employer })}
        maxlength={TEXT_MAX_LENGTH}
        placeholder='单位全称'
      />
      <Options
        idPrefix='apply-industry'
        label='所属行业'
        options={INDUSTRY_OPTIONS}
        selected={form.applicant.industry}
        onSelect={(industry) => form.update({ industry })}
      />
    </View>
  );
}

function LicenceSection({ form }: { form: ApplyForm }) {
  const { applicant, update } = form;
  return (
    <View className='card'>
      <Text className='card__title'>营业执照</Text>
      <Field
        id='apply-credit-code'
        label='信用代码'
        value={applicant.creditCode}
        onChange={(creditCode) => update({ creditCode })}
        maxlength={18}
        placeholder='18 位统一社会信用代码'
      />
      <Field
        id='apply-business-name'
        label='主体名称'
        value={applicant.businessName}
        onChange={(businessName) => update({ businessName })}
        maxlength={TEXT_MAX_LENGTH}
        placeholder='与营业执照一致'
      />
    </View>
  );
}

interface ApplyPageProps {
  products: LoanProductView[];
  rules: ApplicationRules;
  prefill: ProductPrefill;
}

function Application({ products, rules, prefill }: ApplyPageProps) {
  const form = useApplyForm(products, rules, prefill);
  return (
    <View className='page'>
      <Intro title='申请贷款额度' text='全程线上，提交后系统自动审批，结果立即可见。' />
      <LoanSection form={form} products={products} />
      <WorkSection form={form} />
      {form.product.requiresBusinessLicence && <LicenceSection form={form} />}
      <View className='card'>
        <Consent id='apply-consent' checked={form.applicant.consented}
          onToggle={() => form.update({ consented: !form.applicant.consented })}>
          {`${rules.bureauConsentText}（授权书版本 ${rules.bureauConsentTextVersion}）`}
        </Consent>
      </View>
      <SubmitActions id='apply-submit' busy={form.busy} error={form.error} onClick={form.submit}>
        提交申请
      </SubmitActions>
    </View>
  );
}

function NeedsAccount() {
  return (
    <Blocked
      title='请先开通电子账户'
      text='申请贷款需完成实名认证并开通近邻银行电子账户，借款将发放至该账户，还款也从该账户扣收。'
      action={{ id: 'apply-go-home', label: '去开通', onClick: goHome }}
    />
  );
}

async function loadApplyPage(): Promise<{ me: Me; products: LoanProductView[]; rules: ApplicationRules }> {
  const [me, list] = await Promise.all([getMe(), getLoanProducts()]);
  return { me, products: list.items, rules: list.applicationTerms };
}

/** Apply for a credit line: needs a signed-in, verified customer with an e-account. */
export default function ApplyPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(loadApplyPage);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { me, products, rules } = remote.data;
  if (me.realName === null || me.account === null) return <NeedsAccount />;
  if (products.length === 0) return <LoadFailed message='暂无可申请的贷款产品' onRetry={reload} />;
  return <Application products={products} rules={rules} prefill={params} />;
}
