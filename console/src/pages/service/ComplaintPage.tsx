// 客户服务 › 投诉工单 › a ticket: what the customer wrote, the disputed movement, the customer
// (masked), the deadline. Customer service takes it (开始处理) and writes the answer the customer
// then reads; the server records both in the audit log. A dispute's corrections (差错调整) are
// proposed and listed below. Auditors read only.
import { PageContainer } from '@ant-design/pro-components';
import { Alert, Button, Card, Descriptions, Form, Input, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { COMPLAINT_ANSWER_MAX_CHARS, COMPLAINT_ANSWER_MIN_CHARS, isOpenComplaint } from '../../../../functions/domain/complaints';
import { formatYuan } from '../../../../functions/domain/format';
import { answerComplaint, fetchComplaint, takeComplaint } from '@/api/complaints';
import { errorMessage } from '@/api/http';
import type { DeskComplaintDetail } from '@/api/types';
import { chinaTime } from '@/pages/AuditLog';
import { CorrectionCard } from './CorrectionCard';
import { customerPath } from './CustomerSearch';
import { useSubmission } from '@/shell/submission';

const signedYuan = (amountFen: number) => `${amountFen < 0 ? '−' : '+'}¥${formatYuan(Math.abs(amountFen))}`;
/** Counted as the server counts: characters, not UTF-16 units. */
const countCharacters = { strategy: (text: string) => [...text].length, max: COMPLAINT_ANSWER_MAX_CHARS, show: true };

interface Props {
  ticketId: string;
  canAnswer: boolean;
  canCorrect: boolean;
  canReadCustomers: boolean;
}

export function ComplaintPage({ ticketId, canAnswer, canCorrect, canReadCustomers }: Props) {
  const [view, setView] = useState<DeskComplaintDetail>();
  const [loadError, setLoadError] = useState<string>();
  const { sending: busy, refusal, send } = useSubmission();

  const load = useCallback(() => {
    fetchComplaint(ticketId).then(setView, (error: unknown) => setLoadError(errorMessage(error)));
  }, [ticketId]);
  useEffect(load, [load]);

  const act = (action: () => Promise<DeskComplaintDetail>) => send(async () => setView(await action()));

  if (loadError) return <Result status="warning" title={loadError} extra={<Link to="/service/complaints">返回工单列表</Link>} />;
  if (!view) return <Skeleton active style={{ padding: 24 }} />;
  const { ticket, customer } = view;
  const open = isOpenComplaint(ticket.status);

  return (
    <PageContainer
      title={`投诉工单 · ${ticket.categoryLabel}`}
      onBack={() => history.back()}
      tags={[<Tag key="status" id="ticket-status" color={open ? 'processing' : 'success'}>{ticket.statusLabel}</Tag>, ...(ticket.overdue ? [<Tag key="overdue" color="error">已逾期</Tag>] : [])]}
      extra={open && canAnswer && ticket.status === 'RECEIVED' ? <Button id="ticket-take" loading={busy} onClick={() => void act(() => takeComplaint(ticketId))}>开始处理</Button> : undefined}
    >
      {refusal && <Alert type="error" showIcon message={refusal} style={{ marginBottom: 16 }} />}
      <Card title="工单" style={{ marginBottom: 16 }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="受理时间">{chinaTime(ticket.openedAt)}</Descriptions.Item>
          <Descriptions.Item label="答复期限">{chinaTime(ticket.dueAt)}</Descriptions.Item>
          <Descriptions.Item label="客户">
            <Space>
              {canReadCustomers ? <Link to={customerPath(customer.customerId)}>{customer.nameMasked ?? '未实名'}</Link> : (customer.nameMasked ?? '未实名')}
              {customer.phoneMasked}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="处理人">{view.takenBy ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="客户描述" span={2}>
            <Typography.Paragraph id="ticket-description" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{ticket.description}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {ticket.movement && (
        <Card title="争议交易" style={{ marginBottom: 16 }}>
          <Descriptions column={2} size="small">
            <Descriptions.Item label="交易">{ticket.movement.label}</Descriptions.Item>
            <Descriptions.Item label="金额">{signedYuan(ticket.movement.amountFen)}</Descriptions.Item>
            <Descriptions.Item label="对方">{ticket.movement.counterparty}</Descriptions.Item>
            <Descriptions.Item label="交易时间">{chinaTime(ticket.movement.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="参考号">{ticket.movement.reference}</Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {ticket.movement && <CorrectionCard ticketId={ticketId} view={view} canCorrect={canCorrect} onProposed={load} />}
      <Card title="答复">
        {ticket.answer !== null ? (
          <Space direction="vertical">
            <Typography.Paragraph id="ticket-answer" style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{ticket.answer}</Typography.Paragraph>
            <Typography.Text type="secondary">{`${view.answeredBy ?? ''} 答复于 ${ticket.answeredAt ? chinaTime(ticket.answeredAt) : ''}${ticket.closedAt ? `；客户已于 ${chinaTime(ticket.closedAt)} 关闭` : ''}`}</Typography.Text>
          </Space>
        ) : open && canAnswer ? (
          <Form layout="vertical" onFinish={({ answer }: { answer: string }) => void act(() => answerComplaint(ticketId, answer.trim()))}>
            <Form.Item
              name="answer"
              htmlFor="ticket-answer-input"
              label="答复客户（客户将在小程序中看到）"
              rules={[{ validator: async (_, value: string = '') => { const length = [...value.trim()].length; if (length < COMPLAINT_ANSWER_MIN_CHARS || length > COMPLAINT_ANSWER_MAX_CHARS) throw new Error(`请填写 ${COMPLAINT_ANSWER_MIN_CHARS}–${COMPLAINT_ANSWER_MAX_CHARS} 个字的答复`); } }]}
            >
              <Input.TextArea id="ticket-answer-input" rows={5} count={countCharacters} />
            </Form.Item>
            <Button id="ticket-answer-submit" type="primary" htmlType="submit" loading={busy}>
              提交答复
            </Button>
          </Form>
        ) : (
          <Typography.Text type="secondary">尚未答复</Typography.Text>
        )}
      </Card>
    </PageContainer>
  );
}
