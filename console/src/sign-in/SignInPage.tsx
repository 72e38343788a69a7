// The page an operator sees first: only antd's form controls, so it loads quickly; the
// signed-in shell (ProLayout and the pages) is a chunk of its own, fetched after sign-in. The
// frame is plain elements in antd's colours, not Card and Typography: those bring Tabs, Tooltip
// and their menus into the first chunk (55 KB of script) for a box and two lines of text.
import { Button, Spin, theme } from 'antd';
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
  const { token } = theme.useToken();
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5', fontFamily: token.fontFamily }}>
      <section
        style={{ width: 400, boxSizing: 'border-box', padding: 32, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG }}
      >
        <h1 style={{ textAlign: 'center', margin: '0 0 4px', fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: token.fontWeightStrong, color: token.colorTextHeading }}>
          近邻银行 运营中台
        </h1>
        <p style={{ textAlign: 'center', margin: '0 0 32px', fontSize: token.fontSize, color: token.colorTextSecondary }}>
          {activating ? '首次登录激活' : '员工登录'}
        </p>
        {activating ? (
          <Suspense fallback={<Spin style={{ display: 'block' }} />}>
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
      </section>
    </main>
  );
}
