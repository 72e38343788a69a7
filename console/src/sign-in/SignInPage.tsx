// The page an operator sees first: only antd's form controls, so it loads quickly; the
// signed-in shell (ProLayout and the pages) is a chunk of its own, fetched after sign-in.
import { Card, Typography } from 'antd';
import type { ConsoleSignIn } from '@/api/types';
import { SignInForm } from './SignInForm';

interface Props {
  onSignedIn(signIn: ConsoleSignIn): void;
  notice?: string;
}

export function SignInPage({ onSignedIn, notice }: Props) {
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          近邻银行 运营中台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 32 }}>
          员工登录
        </Typography.Paragraph>
        <SignInForm onSignedIn={onSignedIn} notice={notice} />
      </Card>
    </main>
  );
}
