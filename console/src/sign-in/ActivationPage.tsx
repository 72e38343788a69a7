// 首次登录激活: a new operator (or one whose authenticator was reset) types the activation code an
// administrator handed over, scans the new authenticator's QR code, chooses their own password and
// confirms with the authenticator's first code. The secret is shown here only, to them. Loaded on
// demand from the sign-in page, which stays small.
import { Alert, Button, Form, Input, QRCode, Space, Steps, Typography } from 'antd';
import { useRef, useState } from 'react';
import { OPERATOR_LOGIN_PATTERN, OPERATOR_PASSWORD_MAX_LENGTH, OPERATOR_PASSWORD_MIN_LENGTH } from '../../../functions/domain/operator-roles';
import { ACTIVATION_CODE_PATTERN } from '../../../functions/domain/operator-admin';
import { errorMessage } from '@/api/http';
import { completeActivation, startActivation, type ActivationEnrolment } from '@/api/operators';
import { onlyCodeDigits } from './SignInForm';

interface Props {
  onDone(): void;
}

/** What the code field keeps of what is typed or pasted: upper case, grouped by four. */
export const asActivationCode = (value: string): string =>
  value
    .toUpperCase()
    .replace(/[^A-Z2-7]/g, '')
    .slice(0, 16)
    .replace(/(.{4})(?=.)/g, '$1-');

const PASSWORD_RULE = `${OPERATOR_PASSWORD_MIN_LENGTH}–${OPERATOR_PASSWORD_MAX_LENGTH} 位，同时包含字母和数字，且不含登录名`;

export default function ActivationPage({ onDone }: Props) {
  const [enrolment, setEnrolment] = useState<ActivationEnrolment>();
  const [done, setDone] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  // A ref, not the state: a second click before the re-render sends nothing either.
  const inFlight = useRef(false);
  const activated = useRef(false);
  async function attempt(action: () => Promise<void>) {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  const step = done ? 2 : enrolment ? 1 : 0;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Steps size="small" current={step} items={[{ title: '激活码' }, { title: '绑定口令' }, { title: '完成' }]} />
      {problem ? <Alert type="error" showIcon message={problem} /> : null}
      {step === 0 ? (
        <Form<{ login: string; activationCode: string }>
          name="activation"
          layout="vertical"
          requiredMark={false}
          onFinish={({ login, activationCode }) => attempt(async () => setEnrolment(await startActivation(login.trim(), activationCode)))}
        >
          <Form.Item name="login" label="登录名" rules={[{ required: true, pattern: OPERATOR_LOGIN_PATTERN, message: '请输入管理员告知的登录名' }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="activationCode"
            label="激活码"
            normalize={asActivationCode}
            rules={[{ required: true, pattern: ACTIVATION_CODE_PATTERN, message: '激活码为 16 位，形如 ABCD-EFGH-IJKL-MNOP' }]}
          >
            <Input placeholder="XXXX-XXXX-XXXX-XXXX" autoComplete="one-time-code" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} id="activation-next">
            下一步
          </Button>
        </Form>
      ) : null}
      {step === 1 && enrolment ? (
        <Form<{ password: string; confirm: string; code: string }>
          name="activation"
          layout="vertical"
          requiredMark={false}
          onFinish={({ password, code }) =>
            attempt(async () => {
              // A submit validated while the first was answered must not send the used enrolment again.
              if (activated.current) return;
              await completeActivation(enrolment.enrolmentId, password, code);
              activated.current = true;
              setDone(enrolment.login);
            })
          }
        >
          <Typography.Paragraph>
            {enrolment.displayName}（{enrolment.login}），请用手机上的身份验证器扫描二维码：
          </Typography.Paragraph>
          <div style={{ display: 'flex', justifyContent: 'center' }}>
            <QRCode value={enrolment.otpauthUri} size={144} id="activation-qr" />
          </div>
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            无法扫描时手动输入密钥：
            <Typography.Text code copyable id="activation-secret">
              {enrolment.totpSecret}
            </Typography.Text>
          </Typography.Paragraph>
          <Form.Item name="password" label="设置登录密码" extra={PASSWORD_RULE} rules={[{ required: true, min: OPERATOR_PASSWORD_MIN_LENGTH, max: OPERATOR_PASSWORD_MAX_LENGTH, message: PASSWORD_RULE }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirm"
            label="确认密码"
            dependencies={['password']}
            rules={[
              { required: true, message: '请再次输入密码' },
              ({ getFieldValue }) => ({ validator: (_, value) => (value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error('两次输入的密码不一致'))) }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item name="code" label="验证器显示的 6 位动态口令" normalize={onlyCodeDigits} rules={[{ required: true, pattern: /^\d{6}$/, message: '请输入 6 位数字' }]}>
            <Input inputMode="numeric" autoComplete="one-time-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} id="activation-complete">
            完成激活
          </Button>
        </Form>
      ) : null}
      {done ? <Alert type="success" showIcon message="账户已激活" description="请用登录名、刚设置的密码和验证器的动态口令登录。" /> : null}
      <Button type="link" block onClick={onDone} id="activation-back">
        返回登录
      </Button>
    </Space>
  );
}
