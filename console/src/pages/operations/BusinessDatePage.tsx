// 业务日期: the business date, and on local and test stages only — as the server says — a form to
// move it forward (for exercising overdue, maturities, auto-pay). Elsewhere the page says the
// date moves only with the day close.
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Space, Spin } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '@/api/http';
import { type BusinessDateControl, fetchBusinessDate, moveBusinessDate } from '@/api/operations';

export function BusinessDatePage({ canMove }: { canMove: boolean }) {
  const { message } = App.useApp();
  const [control, setControl] = useState<BusinessDateControl>();
  const [loadError, setLoadError] = useState<string>();
  const [refusal, setRefusal] = useState<string>();
  const [sending, setSending] = useState(false);
  const load = useCallback(() => {
    fetchBusinessDate().then(setControl, (error) => setLoadError(errorMessage(error)));
  }, []);
  useEffect(load, [load]);
  if (loadError) return <Alert type="error" showIcon message={loadError} />;
  if (!control) return <Spin />;

  const submit = async ({ date }: { date: Dayjs }) => {
    setSending(true);
    setRefusal(undefined);
    try {
      const next = await moveBusinessDate(date.format('YYYY-MM-DD'));
      setControl(next);
      message.success(`营业日期已调整为 ${next.businessDate}`);
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setSending(false);
    }
  };
  return (
    <Card title="业务日期">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions column={2} size="small">
          <Descriptions.Item label="营业日期">{control.businessDate}</Descriptions.Item>
          <Descriptions.Item label="自然日（北京时间）">{control.calendarDate}</Descriptions.Item>
        </Descriptions>
        {!control.controlAllowed ? (
          <Alert type="info" showIcon message="本环境的营业日期只随日终批处理推进，不能手工调整。" />
        ) : !canMove ? (
          <Alert type="info" showIcon message="您的角色只能查看营业日期。" />
        ) : (
          <>
            <Alert type="warning" showIcon message="仅本地与测试环境：营业日期只能向后推进，调整会记入审计日志。" />
            {refusal && <Alert type="error" showIcon message={refusal} />}
            <Form layout="inline" onFinish={submit}>
              <Form.Item name="date" label="调整为" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker placeholder="选择日期" disabledDate={(day) => day.format('YYYY-MM-DD') <= control.businessDate} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={sending}>
                  调整营业日期
                </Button>
              </Form.Item>
            </Form>
          </>
        )}
      </Space>
    </Card>
  );
}
