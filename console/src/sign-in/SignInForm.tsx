// Two steps, as the server asks: login and password, then the 6-digit 动态口令 (TOTP) for the
// challenge the first step answered. Every refusal is shown in the server's own words.
import { Alert, Button, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { localDemoCode, signIn, submitTotp } from '@/api/console';
import { ApiError, errorMessage } from '@/api/http';
import type { ConsoleSignIn } from '@/api/types';

interface Props {
  onSignedIn(signIn: ConsoleSignIn): void;
  /** Why the previous session ended (expired, revoked), shown until the next attempt. */
  notice?: string;
}

type Step = { kind: 'password' } | { kind: 'totp'; login: string; challengeId: string };

interface Problem {
  title: string;
  detail?: string;
}

const LOGIN_PATTERN = /^[a-z0-9._-]{3,32}$/;
const CODE_PATTERN = /^\d{6}$/;
/** A dead challenge or a lock ends the second step: the operator starts again from the password. */
const RESTART_CODES = new Set(['SIGN_IN_EXPIRED', 'OPERATOR_LOCKED']);

function problemFrom(error: unknown): Problem {
  if (error instanceof ApiError && error.code === 'OPERATOR_LOCKED') return { title: '账户已锁定', detail: error.message };
  return { title: errorMessage(error) };
}

/** What the 动态口令 field keeps of what is typed or pasted: digits only, at most six. */
export const onlyCodeDigits = (value: string): string => value.replace(/\D/g, '').slice(0, 6);

export function SignInForm({ onSignedIn, notice }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [problem, setProblem] = useState<Problem | undefined>(notice ? { title: notice } : undefined);
  const [busy, setBusy] = useState(false);
  const [codeForm] = Form.useForm<{ code: string }>();
  const { token } = theme.useToken();

  async function attempt(action: () => Promise<void>, onError: (error: unknown) => void): Promise<void> {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error) {
      setProblem(problemFrom(error));
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  const submitPassword = ({ login, password }: { login: string; password: string }) =>
    attempt(
      async () => {
        const challenge = await signIn(login, password);
        setStep({ kind: 'totp', login, challengeId: challenge.challengeId });
      },
      () => undefined,
    );

  const submitCode = (challengeId: string) => ({ code }: { code: string }) =>
    attempt(
      async () => onSignedIn(await submitTotp(challengeId, code)),
      (error) => {
        if (error instanceof ApiError && RESTART_CODES.has(error.code)) setStep({ kind: 'password' });
        else codeForm.setFieldsValue({ code: '' });
      },
    );

  const fillDemoCode = (login: string) =>
    attempt(
      async () => codeForm.setFieldsValue({ code: await localDemoCode(login) }),
      () => undefined,
    );

  return (
    <>
      {problem && (
        <Alert type="error" showIcon message={problem.title} description={problem.detail} style={{ marginBottom: 24 }} />
      )}
      {step.kind === 'password' ? (
        // Keyed: the two steps are two forms (antd binds a Form to its instance when it mounts).
        <Form<{ login: string; password: string }> key="password" layout="vertical" requiredMark={false} onFinish={submitPassword} disabled={busy}>
          <Form.Item
            label="用户名"
            name="login"
            rules={[
              { required: true, message: '请输入用户名' },
              { pattern: LOGIN_PATTERN, message: '用户名为 3–32 位小写字母、数字或 . _ -' },
            ]}
          >
            <Input id="login" autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[
              { required: true, message: '请输入密码' },
              { min: 8, max: 128, message: '密码为 8–128 位' },
            ]}
          >
            <Input.Password id="password" autoComplete="current-password" size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            下一步
          </Button>
        </Form>
      ) : (
        <Form<{ code: string }> key="code" form={codeForm} layout="vertical" requiredMark={false} onFinish={submitCode(step.challengeId)} disabled={busy}>
          <p style={{ marginTop: 0, marginBottom: 16, color: token.colorTextSecondary }}>
            请输入 <strong style={{ color: token.colorText }}>{step.login}</strong> 的身份验证器中显示的 6 位动态口令。
          </p>
          <Form.Item
            label="动态口令"
            name="code"
            normalize={onlyCodeDigits}
            rules={[
              { required: true, message: '请输入 6 位动态口令' },
              { pattern: CODE_PATTERN, message: '动态口令为 6 位数字' },
            ]}
          >
            <Input id="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            登录
          </Button>
          <div style={{ marginTop: 16, display: 'flex', justifyContent: 'space-between' }}>
            <Button type="link" style={{ padding: 0 }} onClick={() => setStep({ kind: 'password' })}>
              返回重新输入密码
            </Button>
            {STAGE === 'local' && (
              <Button type="link" style={{ padding: 0 }} onClick={() => void fillDemoCode(step.login)}>
                获取本地演示口令
              </Button>
            )}
          </div>
        </Form>
      )}
    </>
  );
}
