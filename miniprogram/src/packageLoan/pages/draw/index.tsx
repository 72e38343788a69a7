import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CreditLineView, LoanContractView, LoanProductView } from '@contract/loan-schemas';
import { useState } from 'react';
import { Consent } from '@/components/Consent';
import { Options } from '@/components/Options';
import { PaymentActions } from '@/components/PaymentSheets';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
import { getCreditLines, getLoanContract, getLoanProducts } from '../../api';
import { Blocked } from '../../components/Blocked';
import { CreditLineCard } from '../../components/CreditLineCard';
import { LoanQuote } from '../../components/LoanQuote';
import { LoanTerms } from '../../components/LoanTerms';
import { type Preview, useDrawForm } from './useDrawForm';
import '../../loan.css';

/** The schedule of the loan being drawn, priced by the server at the rate of this line. */
function SchedulePreview({ preview }: { preview: Preview }) {
  switch (preview.status) {
    case 'idle':
      return <Text className='hint'>填写金额并选择期限、还款方式后，这里显示年化利率与还款计划。</Text>;
    case 'loading':
      return <Text className='hint'>正在生成还款计划…</Text>;
    case 'failed':
      return <Text className='hint'>{preview.message}</Text>;
    case 'ready':
      return <LoanQuote idPrefix='draw' quote={preview.quote} />;
  }
}

/** Where the money goes, the terms the drawdown is made under, and the contract to read. */
function Disclosure({ product, contract }: { product: LoanProductView; contract: LoanContractView }) {
  return (
    <View>
      <Text className='hint'>
        借款发放至您的近邻银行电子账户。放款后 {product.coolingOffDays} 天内为冷静期，冷静期内以任何方式还款均不收利息；到期日前还款按实际天数计息。
      </Text>
      <Text id='draw-contract-link' className='link' onClick={() => goTo(PAGES.loanContract)}>
        阅读《{contract.title}》
      </Text>
    </View>
  );
}

function DrawForm({ line, product, contract }: { line: CreditLineView; product: LoanProductView; contract: LoanContractView }) {
  const form = useDrawForm(line, product, contract);
  return (
    <View>
      <View className='card'>
        <LoanTerms idPrefix='draw' product={product} value={form.terms} onChange={form.changeTerms} />
      </View>
      <Text className='hint'>
        本次可借 {formatFen(product.minAmountFen)} 至 {formatFen(form.maxFen)}。
      </Text>
      <SchedulePreview preview={form.preview} />
      <Disclosure product={product} contract={contract} />
      <View className='card'>
        <Consent id='draw-contract-consent' checked={form.agreed} onToggle={form.toggleAgreed}>
          {`我已阅读并同意《${contract.title}》（合同版本 ${contract.textVersion}）`}
        </Consent>
      </View>
      <PaymentActions id='draw-submit' payment={form.payment} title='借款' onClick={form.submit}>
        确认借款
      </PaymentActions>
    </View>
  );
}

interface DrawPageProps {
  lines: CreditLineView[];
  products: LoanProductView[];
  contract: LoanContractView;
  initialProductId: string | undefined;
}

function DrawPage({ lines, products, contract, initialProductId }: DrawPageProps) {
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
      <CreditLineCard line={line} availableId='draw-available' />
      {product ? (
        <DrawForm key={line.productId} line={line} product={product} contract={contract} />
      ) : (
        <Text className='hint'>该产品暂停借款，请稍后再试。</Text>
      )}
    </View>
  );
}

function NoCreditLine() {
  return (
    <Blocked
      title='暂无可用额度'
      text='申请额度获批后即可借款。'
      action={{ label: '申请额度', onClick: () => goTo(PAGES.loanApply) }}
    />
  );
}

async function loadDrawPage(): Promise<{ lines: CreditLineView[]; products: LoanProductView[]; contract: LoanContractView }> {
  const [lines, products, contract] = await Promise.all([getCreditLines(), getLoanProducts(), getLoanContract()]);
  return { lines: lines.items, products: products.items, contract };
}

/** Draw a loan within an approved credit line, after seeing its schedule. */
export default function DrawLoanPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemote(loadDrawPage);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { lines, products, contract } = remote.data;
  if (lines.length === 0) return <NoCreditLine />;
  return <DrawPage lines={lines} products={products} contract={contract} initialProductId={params.productId} />;
}
