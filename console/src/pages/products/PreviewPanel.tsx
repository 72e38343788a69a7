// 客户视角预览: what the customer would see for the draft — its product card and, for a sample
// amount, term and method, the schedule and the IRR annualized rate — all from the server's
// preview route (the same rules that price real loans). The console formats, never computes.
import { ProCard } from '@ant-design/pro-components';
import { Alert, Descriptions, Empty, Form, InputNumber, Select, Space, Spin, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { formatYuan } from '../../../../functions/domain/format';
import { MAX_PRODUCT_AMOUNT_FEN, METHOD_LABELS, MIN_PRODUCT_AMOUNT_FEN, type RepaymentMethod } from '../../../../functions/domain/loan/product';
import type { ApiError } from '@/api/http';
import { previewLoanProduct } from '@/api/products';
import type { LoanProductDraft, LoanProductPreview, PreviewSample } from '@/api/types';
import { useServerPreview } from './draft-form';
import { money } from '@/money';

const DEFAULT_SAMPLE_FEN = 1_000_000;

/** A product's bounds in whole yuan (¥1,000); a schedule's figures with their fen (`money`). */
const yuan = (fen: number) => `¥${formatYuan(fen)}`;

interface Props {
  /** The draft as far as it is filled in; undefined while a field the server needs is missing. */
  draft: LoanProductDraft | undefined;
  /** The server refused the draft itself (400): the form shows why under each field. */
  onRefused(error: ApiError): void;
  /** The server took the draft: the form clears what an earlier refusal marked. */
  onAccepted(): void;
}

interface SampleChoice {
  amountYuan: number | null;
  termMonths?: number;
  method?: RepaymentMethod;
}

/** The sample the server prices: the chosen term and method when the draft still offers them. */
function sampleFor(draft: LoanProductDraft, choice: SampleChoice): PreviewSample | undefined {
  if (choice.amountYuan === null) return undefined;
  const sampleTermMonths = choice.termMonths !== undefined && draft.termsMonths.includes(choice.termMonths) ? choice.termMonths : draft.termsMonths[0];
  const sampleMethod = choice.method !== undefined && draft.methods.includes(choice.method) ? choice.method : draft.methods[0];
  if (sampleTermMonths === undefined || sampleMethod === undefined) return undefined;
  return { sampleAmountFen: choice.amountYuan * 100, sampleTermMonths, sampleMethod };
}

export function PreviewPanel({ draft, onRefused, onAccepted }: Props) {
  const [choice, setChoice] = useState<SampleChoice>({ amountYuan: DEFAULT_SAMPLE_FEN / 100 });
  const sample = draft ? sampleFor(draft, choice) : undefined;
  const { state, shown } = useServerPreview(
    draft && sample ? JSON.stringify([draft, sample]) : '',
    draft && sample && (() => previewLoanProduct(draft, sample)),
    onAccepted,
    // A 422 is about the sample (outside what the draft offers): only a 400 marks the form.
    onRefused,
  );
  return (
    <ProCard title="客户视角预览" subTitle="由服务端按定价规则计算" bordered id="product-preview">
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="样例金额（元）">
          <InputNumber
            id="sample-amount"
            min={MIN_PRODUCT_AMOUNT_FEN / 100}
            max={MAX_PRODUCT_AMOUNT_FEN / 100}
            precision={0}
            value={choice.amountYuan}
            onChange={(amountYuan) => setChoice({ ...choice, amountYuan })}
            style={{ width: 140 }}
          />
        </Form.Item>
        <Form.Item label="期限">
          <Select
            id="sample-term"
            style={{ width: 110 }}
            value={sample?.sampleTermMonths}
            options={(draft?.termsMonths ?? []).map((term) => ({ value: term, label: `${term} 个月` }))}
            onChange={(termMonths: number) => setChoice({ ...choice, termMonths })}
          />
        </Form.Item>
        <Form.Item label="还款方式">
          <Select
            id="sample-method"
            style={{ width: 120 }}
            value={sample?.sampleMethod}
            options={(draft?.methods ?? []).map((method) => ({ value: method, label: METHOD_LABELS[method] }))}
            onChange={(method: RepaymentMethod) => setChoice({ ...choice, method })}
          />
        </Form.Item>
      </Form>
      {state.kind === 'idle' && <Empty description="填写产品编号、名称、金额、期限、还款方式与定价后显示预览" />}
      {state.kind === 'refused' && <Alert id="preview-problem" type="warning" showIcon message="暂无法预览" description={state.message} />}
      {shown && (
        <Spin spinning={state.kind === 'loading'} tip="正在更新预览…">
          <PreviewBody preview={shown} />
        </Spin>
      )}
    </ProCard>
  );
}

function PreviewBody({ preview: { card, sample: quote } }: { preview: LoanProductPreview }) {
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <ProCard id="preview-card" title={card.name} subTitle="贷款产品卡片" bordered size="small" style={{ background: '#fafcff' }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="年利率低至">
            <span id="preview-rate-from">{card.rateFromDisplay}</span>
          </Descriptions.Item>
          <Descriptions.Item label="可借金额">
            {yuan(card.minAmountFen)} – {yuan(card.maxAmountFen)}
          </Descriptions.Item>
          <Descriptions.Item label="期限">{card.termsMonths.map((term) => `${term} 个月`).join('、')}</Descriptions.Item>
          <Descriptions.Item label="还款方式">{card.methods.map((method) => method.label).join('、')}</Descriptions.Item>
          <Descriptions.Item label="借款用途" span={2}>
            {card.purposes.map((purpose) => purpose.label).join('、')}
          </Descriptions.Item>
        </Descriptions>
      </ProCard>
      <Space size="large" wrap>
        {/* The IRR annualized rate at least as prominent as the nominal rate (PBoC [2021] No. 3). */}
        <Statistic title="年化利率（IRR）" value={quote.annualizedRateDisplay} valueRender={() => <span id="preview-annualized-rate">{quote.annualizedRateDisplay}</span>} />
        <Statistic title="名义年利率" value={quote.annualRateDisplay} valueRender={() => <span id="preview-annual-rate">{quote.annualRateDisplay}</span>} />
        <Statistic title="利息总额" value={money(quote.totalInterestFen)} valueRender={() => <span id="preview-total-interest">{money(quote.totalInterestFen)}</span>} />
        <Statistic title="还款总额" value={money(quote.totalPaymentFen)} />
      </Space>
      <Typography.Text type="secondary">
        样例：借款 {yuan(quote.amountFen)}，{quote.termMonths} 个月，{METHOD_LABELS[quote.method]}，按 {quote.grade} 级定价
      </Typography.Text>
      <Table
        id="preview-schedule"
        size="small"
        rowKey="period"
        pagination={false}
        scroll={{ y: 320 }}
        dataSource={quote.installments}
        columns={[
          { title: '期数', dataIndex: 'period', width: 64 },
          { title: '还款日', dataIndex: 'dueDate', width: 120 },
          { title: '本金', dataIndex: 'principalFen', align: 'right', render: (fen: number) => money(fen) },
          { title: '利息', dataIndex: 'interestFen', align: 'right', render: (fen: number) => money(fen) },
          { title: '月供', dataIndex: 'paymentFen', align: 'right', render: (fen: number) => money(fen) },
        ]}
      />
    </Space>
  );
}
