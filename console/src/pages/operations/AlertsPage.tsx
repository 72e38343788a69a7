// 对账差异: bill reconciliation mismatches as alerts — a ProTable filtered by status and paged by the
// server — and a drawer with the alert's facts, its timeline, and the steps its state allows:
// 确认, 挂账解决 (a booking reference), 接受差异 (a reason). The server decides; a refusal is shown
// in its own words.
import { type ProColumns } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import {
  ACCEPT_REASON_MAX_CHARS,
  ACCEPT_REASON_MIN_CHARS,
  ALERT_EVENT_LABELS,
  ALERT_NOTE_MAX_CHARS,
  ALERT_STATUS_LABELS,
  BOOKING_REFERENCE_PATTERN,
  JINLIN_STATUS_LABELS,
  MISMATCH_KIND_LABELS,
} from '../../../../functions/domain/bills/reconciliation-alerts';
import { acceptAlert, acknowledgeAlert, type AlertStatus, fetchAlert, fetchAlerts, type ReconciliationAlert, type ReconciliationAlertDetail, resolveAlert } from '@/api/operations';
import { chinaTime, yuan } from './format';
import { AlertDrawerFrame, AlertQueue, type AlertStatuses, AlertTimeline, alertStatusTag, useAlertDetail } from '@/shell/AlertQueue';
import { useSubmission } from '@/shell/submission';

const STATUSES: AlertStatuses<AlertStatus> = { labels: ALERT_STATUS_LABELS, colors: { OPEN: 'error', ACKNOWLEDGED: 'warning', RESOLVED: 'success', ACCEPTED: 'default' } };

const columns: ProColumns<ReconciliationAlert>[] = [
  { title: '差异类型', key: 'kind', width: 130, search: false, render: (_, alert) => MISMATCH_KIND_LABELS[alert.kind] },
  { title: '缴费流水号', dataIndex: 'reference', width: 260, search: false, copyable: true },
  { title: '缴费单位', dataIndex: 'billerId', width: 110, search: false },
  { title: '本行金额', key: 'jinlin', width: 110, search: false, align: 'right', render: (_, alert) => yuan(alert.jinlinAmountFen) },
  { title: '缴费单位金额', key: 'gateway', width: 120, search: false, align: 'right', render: (_, alert) => yuan(alert.gatewayAmountFen) },
  { title: '差额', key: 'difference', width: 110, search: false, align: 'right', render: (_, alert) => yuan(alert.differenceFen) },
  { title: '更新时间', key: 'updatedAt', width: 170, search: false, render: (_, alert) => chinaTime(alert.updatedAt) },
];

type Step = 'acknowledge' | 'resolve' | 'accept';
const STEP_TITLES: Record<Step, string> = { acknowledge: '确认差异', resolve: '挂账解决', accept: '接受差异' };

/** The step dialog: its fields are the contract's (a booking reference, a reason), checked here
 *  as the server will check them. */
function StepDialog({ step, alertId, onDone, onCancel }: { step: Step; alertId: string; onDone: (detail: ReconciliationAlertDetail) => void; onCancel: () => void }) {
  const [form] = Form.useForm<{ note?: string; bookingReference?: string; reason?: string }>();
  const { sending, refusal, send } = useSubmission();
  const submit = async () => {
    // A refused field shows its message under it; nothing is sent.
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const note = values.note?.trim() || undefined;
    await send(async () =>
      onDone(
        step === 'acknowledge'
          ? await acknowledgeAlert(alertId, note)
          : step === 'resolve'
            ? await resolveAlert(alertId, values.bookingReference!.trim(), note)
            : await acceptAlert(alertId, values.reason!.trim()),
      ),
    );
  };
  return (
    <Modal open title={STEP_TITLES[step]} okText="提交" cancelText="取消" onOk={submit} onCancel={onCancel} confirmLoading={sending} destroyOnHidden>
      {refusal && <Alert style={{ marginBottom: 12 }} type="error" showIcon message={refusal} />}
      <Form form={form} layout="vertical">
        {step === 'resolve' && (
          <Form.Item
            name="bookingReference"
            label="挂账凭证号"
            extra="纠正该差异的记账凭证号、流水号或缴费单位的冲正单号"
            rules={[
              { required: true, message: '请填写挂账凭证号' },
              { pattern: BOOKING_REFERENCE_PATTERN, message: '凭证号为 4–64 位字母、数字或 - _ . : #' },
            ]}
          >
            <Input maxLength={64} placeholder="例如 JRNL-2026-000123" />
          </Form.Item>
        )}
        {step === 'accept' ? (
          <Form.Item
            name="reason"
            label="接受理由"
            rules={[
              { required: true, whitespace: true, message: '请填写接受差异的理由' },
              { min: ACCEPT_REASON_MIN_CHARS, message: `理由至少 ${ACCEPT_REASON_MIN_CHARS} 个字` },
            ]}
          >
            <Input.TextArea rows={3} maxLength={ACCEPT_REASON_MAX_CHARS} showCount placeholder="例如：缴费单位确认差额在容忍范围内，无需处理" />
          </Form.Item>
        ) : (
          <Form.Item name="note" label="备注（选填）">
            <Input.TextArea rows={2} maxLength={ALERT_NOTE_MAX_CHARS} showCount />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

function AlertDrawer({ alertId, canManage, onClose, onChanged }: { alertId: string; canManage: boolean; onClose: () => void; onChanged: () => void }) {
  const { message } = App.useApp();
  const { detail, setDetail, loadError } = useAlertDetail(alertId, fetchAlert);
  const [step, setStep] = useState<Step>();
  const alert = detail?.alert;
  const open = canManage && alert && (alert.status === 'OPEN' || alert.status === 'ACKNOWLEDGED');
  return (
    <AlertDrawerFrame width={640} title="对账差异详情" loading={!detail} loadError={loadError} onClose={onClose}>
      {alert && detail && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label="状态">{alertStatusTag(STATUSES, alert.status)}</Descriptions.Item>
            <Descriptions.Item label="营业日">{alert.date}</Descriptions.Item>
            <Descriptions.Item label="差异类型">{MISMATCH_KIND_LABELS[alert.kind]}</Descriptions.Item>
            <Descriptions.Item label="缴费单位">{alert.billerId}</Descriptions.Item>
            <Descriptions.Item label="缴费流水号" span={2}>
              <Typography.Text copyable>{alert.reference}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="本行金额">{yuan(alert.jinlinAmountFen)}</Descriptions.Item>
            <Descriptions.Item label="缴费单位金额">{yuan(alert.gatewayAmountFen)}</Descriptions.Item>
            <Descriptions.Item label="差额">{yuan(alert.differenceFen)}</Descriptions.Item>
            <Descriptions.Item label="本行状态">{JINLIN_STATUS_LABELS[alert.jinlinStatus]}</Descriptions.Item>
            <Descriptions.Item label="处理建议" span={2}>
              {alert.note}
            </Descriptions.Item>
            {alert.bookingReference && (
              <Descriptions.Item label="挂账凭证号" span={2}>
                {alert.bookingReference}
              </Descriptions.Item>
            )}
            {alert.acceptReason && (
              <Descriptions.Item label="接受理由" span={2}>
                {alert.acceptReason}
              </Descriptions.Item>
            )}
          </Descriptions>
          {open && (
            <Space>
              {alert.status === 'OPEN' && <Button onClick={() => setStep('acknowledge')}>确认</Button>}
              <Button type="primary" onClick={() => setStep('resolve')}>
                挂账解决
              </Button>
              <Button danger onClick={() => setStep('accept')}>
                接受差异
              </Button>
            </Space>
          )}
          <AlertTimeline
            systemName="日终批处理"
            entries={detail.events.map((event) => ({
              color: event.type === 'OPENED' ? 'red' : event.type === 'ACKNOWLEDGED' ? 'orange' : 'green',
              title: ALERT_EVENT_LABELS[event.type],
              at: event.at,
              operator: event.operator,
              details: [event.bookingReference && `挂账凭证号：${event.bookingReference}`, event.reason && `理由：${event.reason}`, event.note && `备注：${event.note}`],
              auditSeq: event.auditSeq,
            }))}
          />
        </Space>
      )}
      {step && alert && (
        <StepDialog
          step={step}
          alertId={alert.alertId}
          onCancel={() => setStep(undefined)}
          onDone={(next) => {
            setStep(undefined);
            setDetail(next);
            message.success(`${STEP_TITLES[step]}成功`);
            onChanged();
          }}
        />
      )}
    </AlertDrawerFrame>
  );
}

const fetchPage = (status: AlertStatus | undefined, limit: number, cursor: string | null) =>
  fetchAlerts(status, limit, cursor).then(({ alerts, nextCursor }) => ({ rows: alerts, nextCursor }));

/** The alerts; `canManage` (operations) adds 确认, 挂账解决 and 接受差异 — an auditor reads only. */
export function AlertsPage({ canManage }: { canManage: boolean }) {
  return (
    <AlertQueue<ReconciliationAlert, AlertStatus>
      headerTitle="对账差异"
      statuses={STATUSES}
      columns={columns}
      scrollX={1300}
      fetchPage={fetchPage}
      drawer={(alertId, handlers) => <AlertDrawer alertId={alertId} canManage={canManage} {...handlers} />}
    />
  );
}
