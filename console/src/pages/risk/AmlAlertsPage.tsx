// 风险管理 › 可疑交易预警: the alerts the day close's monitoring opens (快进快出, 拆分交易, 归集账户,
// 大额交易) — a ProTable filtered by status and paged by the server — and a drawer with the alert's
// rule, the movements that met it, its timeline and the steps an open alert allows: 排除可疑 (结案,
// not for a large value) or 提交可疑交易报告 / 大额交易报告, each with a reason. A reported alert's report downloads as the JSON file the server filed. The
// server decides; a refusal is shown in its own words. Loaded on demand by the shell.
import { PageContainer, type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Result, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, Route, Routes } from 'react-router';
import {
  AML_ALERT_EVENT_LABELS,
  AML_ALERT_STATUS_LABELS,
  AML_REASON_MAX_CHARS,
  AML_REASON_MIN_CHARS,
  AML_REPORT_KINDS,
  amlAlertClosable,
  reportKindOf,
} from '../../../../functions/domain/aml-alerts';
import { AML_PATTERN_LABELS } from '../../../../functions/domain/aml-patterns';
import { KIND_LABELS } from '../../../../functions/domain/journal-kind-labels';
import {
  type AmlAlert,
  type AmlAlertDetail,
  type AmlAlertStatus,
  type AmlMovement,
  closeAmlAlert,
  fetchAmlAlert,
  fetchAmlAlerts,
  fetchAmlReport,
  reportAmlAlert,
} from '@/api/aml';
import { errorMessage } from '@/api/http';
import type { OperatorView } from '@/api/types';
import { signedMoney } from '@/money';
import { chinaTime } from '@/pages/operations/format';
import { customerPath } from '@/pages/service/CustomerSearch';
import { accessFor } from '@/shell/access';
import { AlertDrawerFrame, AlertQueue, type AlertStatuses, AlertTimeline, alertStatusTag, useAlertDetail } from '@/shell/AlertQueue';
import { useSubmission } from '@/shell/submission';

const STATUSES: AlertStatuses<AmlAlertStatus> = { labels: AML_ALERT_STATUS_LABELS, colors: { OPEN: 'error', CLOSED: 'default', REPORTED: 'warning' } };

const columns: ProColumns<AmlAlert>[] = [
  { title: '可疑模式', key: 'pattern', width: 110, search: false, render: (_, alert) => AML_PATTERN_LABELS[alert.pattern].name },
  {
    title: '客户',
    key: 'customer',
    width: 170,
    search: false,
    render: (_, alert) => (
      <Space direction="vertical" size={0}>
        <span>{alert.customerNameMasked}</span>
        <Typography.Text type="secondary">{alert.customerId}</Typography.Text>
      </Space>
    ),
  },
  { title: '账号', dataIndex: 'accountNumberMasked', width: 190, search: false },
  { title: '监测摘要', dataIndex: 'summary', search: false, ellipsis: true },
  { title: '更新时间', key: 'updatedAt', width: 170, search: false, render: (_, alert) => chinaTime(alert.updatedAt) },
];

type Step = 'close' | 'report';
/** 可疑交易报告, or 大额交易报告 for a large value. */
const reportNameOf = (pattern: AmlAlert['pattern']) => AML_REPORT_KINDS[reportKindOf(pattern)].name;
const stepTitle = (step: Step, reportName: string) => (step === 'close' ? '排除可疑，结案' : `提交${reportName}`);
const stepDone = (step: Step, reportName: string) => (step === 'close' ? '已排除可疑，预警结案' : `已提交${reportName}`);

/** The step dialog: a reason, checked here as the server will check it. */
function StepDialog({ step, alertId, reportName, onDone, onCancel }: { step: Step; alertId: string; reportName: string; onDone: (detail: AmlAlertDetail) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const { sending, refusal, send } = useSubmission();
  const submit = async () => {
    // A refused field shows its message under it; nothing is sent.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const reason = values.reason.trim();
    await send(async () => onDone(step === 'close' ? await closeAmlAlert(alertId, reason) : await reportAmlAlert(alertId, reason)));
  };
  return (
    <Modal
      open
      title={stepTitle(step, reportName)}
      okText="提交"
      cancelText="取消"
      okButtonProps={{ danger: step === 'report' }}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={sending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {step === 'close' ? '经核实不属于可疑交易：预警结案，不再处理。' : `生成${reportName}并上报：预警结案，报告可随时下载。`}该操作不可撤销，理由将记入审计日志。
      </Typography.Paragraph>
      {refusal && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={refusal} />}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={step === 'close' ? '排除理由' : '上报理由'}
          rules={[
            { required: true, whitespace: true, message: '请填写理由' },
            { min: AML_REASON_MIN_CHARS, max: AML_REASON_MAX_CHARS, transform: (value: string) => value?.trim(), message: `理由需 ${AML_REASON_MIN_CHARS}–${AML_REASON_MAX_CHARS} 个字` },
            // The server takes one line of text: no line breaks or other control characters.
            { pattern: /^[^\p{Cc}\p{Cs}]*$/u, message: '理由请写在一行内，不要换行' },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={AML_REASON_MAX_CHARS}
            showCount
            placeholder={step === 'close' ? '例如：经电话核实为客户经营收款，交易背景真实' : '例如：资金快进快出且无合理经营背景，客户无法说明资金来源'}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Saves the report the server filed as `<reportNumber>.json`. */
async function downloadReport(alertId: string): Promise<void> {
  const report = await fetchAmlReport(alertId);
  const url = URL.createObjectURL(new Blob([JSON.stringify(report, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${report.reportNumber}.json`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy by then.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const movementColumns = [
  { title: '时间', dataIndex: 'createdAt', width: 160, render: (at: string) => chinaTime(at) },
  { title: '交易类型', dataIndex: 'kind', width: 110, render: (kind: AmlMovement['kind']) => KIND_LABELS[kind] },
  { title: '摘要', dataIndex: 'label' },
  { title: '对方', dataIndex: 'counterparty', width: 120 },
  { title: '金额', dataIndex: 'amountFen', width: 120, align: 'right' as const, render: (fen: number) => signedMoney(fen) },
];

function AlertDrawer({ alertId, canWork, canReadCustomers, onClose, onChanged }: { alertId: string; canWork: boolean; canReadCustomers: boolean; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const { detail, setDetail, loadError } = useAlertDetail(alertId, fetchAmlAlert);
  const [step, setStep] = useState<Step>();
  const [downloading, setDownloading] = useState(false);
  const alert = detail?.alert;
  const download = () => {
    setDownloading(true);
    downloadReport(alertId)
      .catch((error: unknown) => message.error(errorMessage(error)))
      .finally(() => setDownloading(false));
  };
  return (
    <AlertDrawerFrame width={760} title="可疑交易预警详情" loading={!detail} loadError={loadError} onClose={onClose}>
      {alert && detail && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="状态">{alertStatusTag(STATUSES, alert.status)}</Descriptions.Item>
            <Descriptions.Item label="营业日">{alert.date}</Descriptions.Item>
            <Descriptions.Item label="可疑模式">{AML_PATTERN_LABELS[alert.pattern].name}</Descriptions.Item>
            <Descriptions.Item label="发现时间">{chinaTime(alert.openedAt)}</Descriptions.Item>
            <Descriptions.Item label="监测规则" span={2}>
              {detail.rule}
            </Descriptions.Item>
            <Descriptions.Item label="监测摘要" span={2}>
              {alert.summary}
            </Descriptions.Item>
            <Descriptions.Item label="客户">
              {alert.customerNameMasked}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {alert.customerId}
              </Typography.Text>
              {/* The investigation: the customer's movements, loans and bills (masked), and freezing. */}
              {canReadCustomers && (
                <Link to={customerPath(alert.customerId)} style={{ marginLeft: 8 }}>
                  客户全景（交易、冻结）
                </Link>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="账号">{alert.accountNumberMasked}</Descriptions.Item>
            {alert.reason && (
              <Descriptions.Item label={alert.status === 'REPORTED' ? '上报理由' : '排除理由'} span={2}>
                {alert.reason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {canWork && alert.status === 'OPEN' && (
            <Space>
              {amlAlertClosable(alert.pattern) && <Button onClick={() => setStep('close')}>排除可疑</Button>}
              <Button type="primary" danger onClick={() => setStep('report')}>
                提交{reportNameOf(alert.pattern)}
              </Button>
            </Space>
          )}
          {alert.status === 'REPORTED' && (
            <Button onClick={download} loading={downloading}>
              下载报告
            </Button>
          )}
          <div>
            <Typography.Title level={5}>涉及交易</Typography.Title>
            <Table<AmlMovement> id="aml-movements" size="small" rowKey="journalId" pagination={false} columns={movementColumns} dataSource={detail.movements} />
          </div>
          <AlertTimeline
            systemName="系统（日终批处理）"
            entries={detail.events.map((event) => ({
              color: event.status === 'OPEN' ? 'red' : event.status === 'REPORTED' ? 'orange' : 'green',
              title: AML_ALERT_EVENT_LABELS[event.status],
              at: event.at,
              operator: event.operator,
              details: [event.reason && `理由：${event.reason}`],
              auditSeq: event.auditSeq,
            }))}
          />
        </Space>
      )}
      {step && alert && (
        <StepDialog
          step={step}
          alertId={alert.alertId}
          reportName={reportNameOf(alert.pattern)}
          onCancel={() => setStep(undefined)}
          onDone={(next) => {
            setStep(undefined);
            setDetail(next);
            message.success(stepDone(step, reportNameOf(alert.pattern)));
            onChanged();
          }}
        />
      )}
    </AlertDrawerFrame>
  );
}

const fetchPage = (status: AmlAlertStatus | undefined, limit: number, cursor: string | null) =>
  fetchAmlAlerts(status, limit, cursor).then(({ alerts, nextCursor }) => ({ rows: alerts, nextCursor }));

/** The alerts; `canWork` (risk officers) adds 排除可疑 and 提交可疑交易报告 — an auditor reads only;
 *  `canReadCustomers` links each alert to its customer's 360 view. */
export function AmlAlertsPage({ canWork, canReadCustomers = false }: { canWork: boolean; canReadCustomers?: boolean }) {
  return (
    <AlertQueue<AmlAlert, AmlAlertStatus>
      headerTitle="预警列表"
      statuses={STATUSES}
      columns={columns}
      scrollX={1200}
      fetchPage={fetchPage}
      drawer={(alertId, handlers) => <AlertDrawer alertId={alertId} canWork={canWork} canReadCustomers={canReadCustomers} {...handlers} />}
    />
  );
}

export default function AmlAlerts({ operator }: { operator: OperatorView }) {
  const { canWorkAmlAlerts, canReadCustomers } = accessFor(operator);
  // antd's App gives the page its message context (App.useApp).
  return (
    <App>
      <PageContainer title="可疑交易预警" subTitle="日终批处理发现的可疑交易模式与大额交易，以及开户或名单更新时的名单筛查命中：核实后排除可疑，或提交可疑交易报告、大额交易报告">
        <Routes>
          <Route index element={<AmlAlertsPage canWork={canWorkAmlAlerts} canReadCustomers={canReadCustomers} />} />
          <Route path="*" element={<Result status="404" title="页面不存在" />} />
        </Routes>
      </PageContainer>
    </App>
  );
}
