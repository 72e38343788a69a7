// The dialog every service-desk action that needs a reason opens (查看完整, 冻结账户, 申请解冻):
// the agent types why — 4 to 200 characters, as the server requires — and confirms; the server's
// refusal is shown in its own words and the dialog stays open.
import { Alert, Form, Input, Modal } from 'antd';
import { REASON_MAX_LENGTH, REASON_MIN_LENGTH } from '../../../../functions/domain/customer-service';
import { useSubmission } from '@/shell/submission';

interface Props {
  open: boolean;
  title: string;
  /** What the action does, above the reason. */
  description: string;
  okText: string;
  danger?: boolean;
  onSubmit: (reason: string) => Promise<void>;
  onClose: () => void;
}

export function ReasonDialog({ open, title, description, okText, danger, onSubmit, onClose }: Props) {
  const [form] = Form.useForm<{ reason: string }>();
  const { sending: submitting, refusal, send, clearRefusal } = useSubmission();

  async function submit() {
    const { reason } = await form.validateFields();
    await send(async () => {
      await onSubmit(reason.trim());
      form.resetFields();
      onClose();
    });
  }

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ danger, loading: submitting, id: 'reason-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        form.resetFields();
        clearRefusal();
        onClose();
      }}
      destroyOnHidden
    >
      <p>{description}</p>
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="reason"
          label="原因"
          rules={[
            { required: true, whitespace: true, message: '请填写原因' },
            { min: REASON_MIN_LENGTH, max: REASON_MAX_LENGTH, transform: (value: string) => value?.trim(), message: `原因需 ${REASON_MIN_LENGTH}–${REASON_MAX_LENGTH} 个字` },
          ]}
        >
          <Input.TextArea id="reason" rows={3} maxLength={REASON_MAX_LENGTH} showCount placeholder="例如：客户来电核实身份（将记入审计日志）" />
        </Form.Item>
      </Form>
      {refusal && <Alert type="error" showIcon message={refusal} />}
    </Modal>
  );
}
