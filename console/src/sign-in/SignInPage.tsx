// The page an operator sees first: only antd's form controls, so it loads quickly; the
// signed-in shell (ProLayout and the pages) is a chunk of its own, fetched after sign-in.
import { Button, Card, Skeleton, Typography } from 'antd';
import { Suspense, lazy, useState } from 'react';
import type { ConsoleSignIn } from '@/api/types';
import { SignInForm } from './SignInForm';

// A new operator's activation (QR code and all) loads only when asked for.
const ActivationPage = lazy(() => import('./ActivationPage'));

interface Props {
  onSignedIn(signIn: ConsoleSignIn): void;
  notice?: string;
}

export function SignInPage({ onSignedIn, notice }: Props) {
  const [activating, setActivating] = useState(false);
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 400 }} styles={{ body: { padding: 32 } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginBottom: 4 }}>
          近邻银行 运营中台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginBottom: 32 }}>
          {activating ? '首次登录激活' : '员工登录'}
        </Typography.Paragraph>
        {activating ? (
          <Suspense fallback={<Skeleton active />}>
            <ActivationPage onDone={() => setActivating(false)} />
          </Suspense>
        ) : (
          <>
            <SignInForm onSignedIn={onSignedIn} notice={notice} />
            <Button type="link" block onClick={() => setActivating(true)} id="activation-open" style={{ marginTop: 8 }}>
              首次登录或动态口令已重置？激活账户
            </Button>
          </>
        )}
      </Card>
    </main>
  );
}
