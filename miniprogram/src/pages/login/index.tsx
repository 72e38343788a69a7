import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { signIn } from '@/api/bank';
import { ApiError } from '@/api/http';
import { loadSession, rememberSimulatedUser, SIMULATED_USER_INVALID, simulatedUser } from '@/api/session';
import { Field } from '@/components/Field';
import { ReferralBanner } from '@/components/rm/ReferralBanner';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome, goTo, PAGES, restartAt } from '@/lib/nav';
import './index.css';

const isH5 = process.env.TARO_ENV === 'h5';

function Brand() {
  return (
    <View className='login__brand'>
      <View className='login__logo'>
        <Text className='login__logo-text'>邻</Text>
      </View>
      <Text className='login__name'>近邻银行</Text>
      <Text className='login__slogan'>不用跑网点，银行就在身边</Text>
    </View>
  );
}

/** H5: who the local WeChat simulator signs in as. */
function SimulatedUser({ user, onChange }: { user: string; onChange: (user: string) => void }) {
  return (
    <View className='card'>
      <Field id='login-user' label='模拟微信用户' value={user} onChange={onChange} maxlength={64} placeholder='同一用户即同一客户' />
      <Text className='hint'>本地联调使用：由模拟器代替微信登录，同一浏览器保持同一用户。</Text>
    </View>
  );
}

/** The bar's way home leads nowhere here: signed out, home sends the customer straight back. WeChat
 *  shows it on a first page that is not home, to be hidden on each show; Taro's H5 bar has no
 *  hideHomeButton and picks its control (back, home or none) right after the page's onShow, in
 *  the same task, so the control it picked is taken off just after. */
function hideWayHome() {
  if (!isH5) return void Taro.hideHomeButton();
  queueMicrotask(() => document.getElementById('taro-navigation-bar')?.classList.remove('taro-navigation-bar-home-icon'));
}

export default function LoginPage() {
  const [user, setUser] = useState(() => (isH5 ? simulatedUser() : ''));
  const { busy, error, setError, run } = useSubmit();

  useLoad(() => {
    if (loadSession()) goHome();
  });
  useDidShow(hideWayHome);

  async function handleSignIn() {
    if (isH5 && !rememberSimulatedUser(user)) return setError(SIMULATED_USER_INVALID);
    const me = await run(async () => {
      try {
        return await signIn(user);
      } catch (failure) {
        // Signing in is refused while the account is reported lost: the screen that says why.
        if (failure instanceof ApiError && failure.code === 'ACCOUNT_LOSS_REPORTED') restartAt(PAGES.lossReported);
        throw failure;
      }
    });
    if (me) goHome();
  }

  /** Staff sign in as the WeChat user on this page (in H5: the simulated one typed above). */
  function handleStaff() {
    if (isH5) rememberSimulatedUser(user);
    goTo(PAGES.rmWorkbench);
  }

  return (
    <View className='page login'>
      <Brand />

      <ReferralBanner />

      {isH5 && <SimulatedUser user={user} onChange={setUser} />}

      <SubmitActions id='login-wechat' busy={busy} error={error} onClick={handleSignIn}>
        微信一键登录
      </SubmitActions>

      <View className='login__links'>
        <Text
          id='go-loan-calculator'
          className='link'
          onClick={() => goTo(PAGES.loanCalculator)}
        >
          借款计算器（无需登录）›
        </Text>
      </View>
      <View className='login__links'>
        <Text id='go-receipt-verify' className='link' onClick={() => goTo(PAGES.receiptVerify)}>
          电子回单验证（无需登录）›
        </Text>
      </View>
      <View className='login__links'>
        <Text id='go-loss-report' className='link' onClick={() => goTo(PAGES.lossCheck, { action: 'report' })}>
          手机丢失？账户挂失（无需登录）›
        </Text>
      </View>
      <View className='login__links'>
        <Text id='go-rm' className='link' onClick={handleStaff}>
          客户经理入口 ›
        </Text>
      </View>

      <Text className='login__footnote'>
        首次登录将为您创建近邻银行客户档案，开通电子账户前需完成手机号绑定与实名认证。
      </Text>
    </View>
  );
}
