// Signed out: the sign-in page (in the first chunk). Signed in: the shell, loaded on demand.
import { Spin } from 'antd';
import { Suspense, lazy } from 'react';
import { SignInPage } from '@/sign-in/SignInPage';
import { startSession, useSessionState } from '@/session';

const Shell = lazy(() => import('@/shell/Shell'));

export function App() {
  const { session, endedBecause } = useSessionState();
  if (!session) return <SignInPage onSignedIn={startSession} notice={endedBecause} />;
  return (
    <Suspense fallback={<Spin fullscreen tip="正在加载…" />}>
      <Shell session={session} />
    </Suspense>
  );
}
