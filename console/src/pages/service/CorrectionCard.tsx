// 投诉工单 › 差错调整: the corrections proposed from a dispute ticket, each with its change's status
// (a second operator approves it in 复核中心), and the form an agent proposes one with — a credit
// to the customer's e-account, in yuan as typed (read into fen exactly), up to what the server
// says may still be corrected, with a reason for the checker.
import { Alert, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { CORRECTION_REASON_MAX_CHARS, CORRECTION_REASON_MIN_CHARS } from '../../../../functions/domain/complaint-corrections';
import { fenOfYuanText, formatYuan } from '../../../../functions/domain/format';
import { proposeCorrection } from '@/api/complaints';
import type { DeskComplaintDetail } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { useSubmission } from '@/shell/submission';

type Correction = DeskComplaintDetail['corrections'][number];

const STATUS_COLOURS: Record<Correction['status'], string> = {
  PENDING: 'processing',
  APPROVED: 'warning',
  EFFECTIVE: 'success',
  REJECTED: 'error',
  WITHDRAWN: 'default',
  FAILED: 'error',
};

/** Counted as the server counts: characters, not UTF-16 units. */
const countCharacters = { strategy: (text: string) => [...text].length, max: CORRECTION_REASON_MAX_CHARS, show: true };

const COLUMNS = [
  { title: '调整金额', dataIndex: 'amountFen', render: (amountFen: number) => `+¥${formatYuan(amountFen)}` },
  { title: '状态', dataIndex: 'statusLabel', render: (label: string, row: Correction) => <Tag color={STATUS_COLOURS[row.status]}>{label}</Tag> },
  { title: '发起人', dataIndex: 'proposedBy' },
  { title: '复核人', dataIndex: 'approvedBy', render: (login: string | null) => login ?? '—' },
  { title: '发起时间', dataIndex: 'proposedAt', render: (at: string) => chinaTime(at) },
  {
    title: '入账',
    dataIndex: 'paidAt',
    render: (paidAt: string | null, row: Correction) => (paidAt ? `${chinaTime(paidAt)} · 参考号 ${row.reference ?? ''}` : (row.failure ?? '—')),
  },
  { title: '原因', dataIndex: 'reason' },
  { title: '', dataIndex: 'changeId', render: (changeId: string) => <Link to={`/changes/${encodeURIComponent(changeId)}`}>复核详情</Link> },
];

interface FormValues {
  amountYuan: string;
  reason: string;
}

interface Props {
  ticketId: string;
  view: DeskComplaintDetail;
  canCorrect: boolean;
  /** The ticket is read again: the new correction is listed with its status. */
  onProposed: () => void;
}

export function CorrectionCard({ ticketId, view, canCorrect, onProposed }: Props) {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const { sending: submitting, refusal, send, clearRefusal } = useSubmission();
  const roomFen = view.correctionRoomFen ?? 0;
  const waiting = view.corrections.some((correction) => correction.status === 'PENDING' || correction.status === 'APPROVED');
  const canPropose = canCorrect && view.ticket.status !== 'CLOSED' && roomFen > 0 && !waiting;

  async function submit() {
    const { amountYuan, reason } = await form.validateFields();
    await send(async () => {
      await proposeCorrection(ticketId, fenOfYuanText(amountYuan)!, reason.trim());
      form.resetFields();
      setOpen(false);
      onProposed();
    });
  }

  return (
    <Card
      title="差错调整"
      style={{ marginBottom: 16 }}
      extra={
        canPropose ? (
          <Button id="correction-open" onClick={() => setOpen(true)}>
            差错调整
          </Button>
        ) : undefined
      }
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary" id="correction-room">
          {waiting ? '有一笔调整待复核或待入账，处理完毕后才能再发起。' : `该笔交易尚可调整 ¥${formatYuan(roomFen)}；调整须经另一名运营人员复核后入账。`}
        </Typography.Text>
        {view.corrections.length > 0 && <Table<Correction> rowKey="changeId" size="small" pagination={false} columns={COLUMNS} dataSource={view.corrections} />}
      </Space>
      <Modal
        open={open}
        title="差错调整"
        okText="提交复核"
        cancelText="取消"
        okButtonProps={{ loading: submitting, id: 'correction-submit' }}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => {
          form.resetFields();
          clearRefusal();
          setOpen(false);
        }}
        destroyOnHidden
      >
        <p>{`从银行差错调整账户向客户电子账户入账，最多 ¥${formatYuan(roomFen)}。提交后由另一名有复核权限的运营人员复核，通过后入账。`}</p>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="amountYuan"
            htmlFor="correction-amount"
            label="调整金额（元）"
            rules={[
              {
                validator: async (_, value: string = '') => {
                  const amountFen = fenOfYuanText(value);
                  if (amountFen === undefined) throw new Error('请输入金额，最多两位小数');
                  if (amountFen <= 0) throw new Error('调整金额须大于 0');
                  if (amountFen > roomFen) throw new Error(`调整金额不能超过 ¥${formatYuan(roomFen)}`);
                },
              },
            ]}
          >
            <Input id="correction-amount" inputMode="decimal" prefix="¥" placeholder="例如 12.50" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="reason"
            htmlFor="correction-reason"
            label="原因（复核人将看到）"
            rules={[
              {
                validator: async (_, value: string = '') => {
                  const length = [...value.trim()].length;
                  if (length < CORRECTION_REASON_MIN_CHARS || length > CORRECTION_REASON_MAX_CHARS) throw new Error(`请填写 ${CORRECTION_REASON_MIN_CHARS}–${CORRECTION_REASON_MAX_CHARS} 个字的原因`);
                },
              },
            ]}
          >
            <Input.TextArea id="correction-reason" rows={3} count={countCharacters} placeholder="例如：缴费机构确认重复扣款，退还多扣金额" />
          </Form.Item>
        </Form>
        {refusal && <Alert type="error" showIcon message={refusal} />}
      </Modal>
    </Card>
  );
}
