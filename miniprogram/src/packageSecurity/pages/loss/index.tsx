import { Button, Text, View } from '@tarojs/components';
import type { LossLiftResult } from '@contract/loss-report-schemas';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { clearSession } from '@/api/session';
import { CodeStep, IdentityStep } from '@/components/IdentityCheck';
import { CODE_PATTERN } from '@/lib/identity';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { MenuRow } from '@/components/MenuRow';
import { MissingTarget } from '@/components/MissingTarget';
import { Options } from '@/components/Options';
import { ResultCard } from '@/components/ResultPage';
import { ServicePhone } from '@/components/ServicePhone';
import { type IdentityCheckStep, useIdentityCheck } from '@/hooks/useIdentityCheck';
import { goLogin, PAGES, replaceWith, restartAt } from '@/lib/nav';
import { liftLoss, LOST_OPTIONS, type LostItem, reportLossByIdentity, sendLossCode } from '../../api';

type Action = 'report' | 'lift';
type Step = IdentityCheckStep | 'lifted';

const TEXTS: Record<Action, { title: string; intro: string; submit: string }> = {
  report: { title: '账户挂失', intro: '无需登录：核验本人身份和绑定手机后，立即挂失。', submit: '确认挂失' },
  lift: { title: '解除挂失', intro: '核验本人身份和绑定手机后解除挂失，之后请重新登录。', submit: '解除挂失' },
};

/** Which step a refusal sends the customer back to. */
function stepForRefusal(code: string): Step | undefined {
  if (code === 'PIN_RESET_LOCKED') return 'locked';
  if (code === 'IDENTITY_MISMATCH') return 'identity';
  return undefined;
}

function Lifted({ result }: { result: LossLiftResult }) {
  return (
    <View>
      <ResultCard message='已解除挂失' messageId='loss-lifted'>
        <InfoRow label='通知短信' value={`已发送至 ${result.phoneMasked}`} id='loss-lift-notice' />
      </ResultCard>
      <Text className='hint'>电子账户已恢复付款。为了安全，原有登录均已退出，请重新登录。</Text>
      <View className='actions'>
        <Button id='loss-lifted-login' className='btn btn--primary' onClick={goLogin}>
          重新登录
        </Button>
      </View>
    </View>
  );
}

/**
 * 挂失 or 解除挂失 signed out (`?action=report|lift`): the identity check of 忘记支付密码 — the real
 * name, ID number and bound card, then a code to the bound phone. The server answers a code request
 * the same way whoever the answers name, so the page never says whether a code went out.
 */
export default function LossPage() {
  const action = useRouter().params.action;
  if (action !== 'report' && action !== 'lift') return <MissingTarget message='未找到要办理的业务' />;
  return <LossCheck action={action} />;
}

function LossCheck({ action }: { action: Action }) {
  const texts = TEXTS[action];
  const [lost, setLost] = useState<LostItem>('PHONE');
  const [asked, setAsked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [lifted, setLifted] = useState<LossLiftResult | null>(null);
  const { step, go, identity, setIdentity, code, setCode, resendAt, sending, error, setError, identityNext, sendCode } = useIdentityCheck<'lifted'>(async (answers) => {
    const answer = await sendLossCode({ ...answers, action: action === 'report' ? 'REPORT' : 'LIFT' });
    setAsked(true);
    return answer;
  });

  async function submit() {
    if (!asked) return setError('请先获取验证码');
    if (!CODE_PATTERN.test(code)) return setError('请输入 6 位短信验证码');
    setBusy(true);
    setError('');
    try {
      const answers = { ...identity, smsCode: code };
      if (action === 'report') {
        await reportLossByIdentity({ ...answers, lost });
        // This device may have been signed in as the customer: that session ended too.
        clearSession();
        return restartAt(PAGES.lossReported);
      }
      setLifted(await liftLoss(answers));
      clearSession();
      go('lifted');
    } catch (failure) {
      const back = failure instanceof ApiError ? stepForRefusal(failure.code) : undefined;
      if (back) return go(back, errorMessage(failure));
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page'>
      <Intro title={texts.title} text={texts.intro} />
      {step === 'identity' && (
        <>
          <IdentityStep idPrefix='loss' identity={identity} onChange={setIdentity} error={error} onNext={identityNext} />
          {action === 'report' && (
            <View className='card menu'>
              <MenuRow id='go-loss-lift' label='已挂失？解除挂失' onClick={() => replaceWith(PAGES.lossCheck, { action: 'lift' })} />
            </View>
          )}
        </>
      )}
      {step === 'code' && (
        <>
          {action === 'report' && (
            <View className='card'>
              <Options idPrefix='lost' label='遗失物品' options={LOST_OPTIONS} selected={lost} onSelect={setLost} />
            </View>
          )}
          <CodeStep
            idPrefix='loss'
            code={code}
            onChange={setCode}
            sentHint={asked ? '若身份信息无误，验证码已发送至您绑定的手机号，5 分钟内有效。' : null}
            resendAt={resendAt}
            sending={sending}
            error={error}
            onSend={() => void sendCode()}
            onNext={() => void submit()}
            onBack={() => go('identity')}
            nextLabel={texts.submit}
            busy={busy}
          />
        </>
      )}
      {step === 'lifted' && lifted && <Lifted result={lifted} />}
      {step === 'locked' && <ResultCard warn message={error} messageId='loss-locked' />}
      {step !== 'lifted' && <ServicePhone lead={step === 'locked' ? '如需帮助，请拨打' : undefined} />}
    </View>
  );
}
