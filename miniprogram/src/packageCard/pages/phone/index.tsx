import { Button, Text, View } from '@tarojs/components';
import type { PhoneBindings, PhoneChange, PhoneChangeResult, PhoneCodeSent } from '@contract/phone-change-schemas';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { CodeStep, IdentityStep, LockedCheck } from '@/components/IdentityCheck';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { MenuRow } from '@/components/MenuRow';
import { ResultCard } from '@/components/ResultPage';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { checkedIdentity, CODE_PATTERN, type Identity, NO_IDENTITY } from '@/lib/identity';
import { goHome } from '@/lib/nav';
import { formatDateTime } from '@/lib/time';
import { changePhone, getPhoneBindings, sendPhoneCode } from '../../api';

const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** How the change is verified: the old phone's code, or (the old phone lost) the identity check;
 *  then the new phone and its code; then the result, or a locked check. */
type Step = 'choose' | 'old' | 'identity' | 'new' | 'done' | 'locked';

const VERIFIED_BY: Record<PhoneChange['verifiedBy'], string> = { OLD_PHONE_CODE: '原手机号验证码', IDENTITY_CHECK: '身份核验' };

/** A code's sending: the answer (where it went) and when another may be asked for. */
function useCodeSender() {
  const [sent, setSent] = useState<PhoneCodeSent | null>(null);
  const [resendAt, setResendAt] = useState(0);
  const [sending, setSending] = useState(false);

  async function send(request: () => Promise<PhoneCodeSent>): Promise<void> {
    setSending(true);
    try {
      const answer = await request();
      setSent(answer);
      setResendAt(Date.now() + answer.resendAfterSeconds * 1000);
    } finally {
      setSending(false);
    }
  }

  return { sent, resendAt, sending, send };
}

const sentHint = (sent: PhoneCodeSent | null) => sent && `验证码已发送至 ${sent.phoneMasked}，5 分钟内有效。`;

/** Which step a refusal of the change sends the customer back to. */
function stepForRefusal(failure: ApiError): Step | undefined {
  if (failure.code === 'PIN_RESET_LOCKED') return 'locked';
  if (failure.code === 'IDENTITY_MISMATCH') return 'identity';
  if (failure.message.startsWith('原手机号')) return 'old';
  return undefined;
}

function ChangeRow({ change }: { change: PhoneChange }) {
  return (
    <View className='list-row phone-change'>
      <View className='list-row__main'>
        <Text className='list-row__title'>
          {change.oldPhoneMasked} → {change.newPhoneMasked}
        </Text>
        <Text className='meta'>
          {formatDateTime(change.changedAt)} · {VERIFIED_BY[change.verifiedBy]}
        </Text>
      </View>
    </View>
  );
}

function History({ changes }: { changes: PhoneChange[] }) {
  return (
    <View id='phone-changes' className='card'>
      <Text className='card__title'>手机号变更记录</Text>
      {changes.length === 0 ? <Text className='empty'>暂无变更记录</Text> : changes.map((change) => <ChangeRow key={change.changedAt} change={change} />)}
    </View>
  );
}

function Done({ result }: { result: PhoneChangeResult }) {
  return (
    <View>
      <ResultCard message={`手机号已更换为 ${result.phoneMasked}`} messageId='phone-change-done'>
        <InfoRow id='phone-change-notice' label='通知短信' value={`已发送至 ${result.change.oldPhoneMasked} 和 ${result.change.newPhoneMasked}`} />
      </ResultCard>
      <Text className='hint'>转账收款、验证码和通知短信今后都使用新手机号，原手机号不能再用于向您转账。</Text>
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}

function PhonePage({ bindings, onChanged }: { bindings: PhoneBindings; onChanged: () => void }) {
  const [step, setStep] = useState<Step>('choose');
  const [error, setError] = useState('');
  const [oldCode, setOldCode] = useState('');
  const [identity, setIdentity] = useState<Identity>(NO_IDENTITY);
  const [newPhone, setNewPhone] = useState('');
  const [newCode, setNewCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PhoneChangeResult | null>(null);
  const oldSender = useCodeSender();
  const newSender = useCodeSender();
  /** The step before the new phone's: how the change is verified. */
  const [via, setVia] = useState<'old' | 'identity'>('old');

  function go(to: Step, message = '') {
    setStep(to);
    setError(message);
  }

  async function sendCode(sender: ReturnType<typeof useCodeSender>, request: () => Promise<PhoneCodeSent>) {
    setError('');
    try {
      await sender.send(request);
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'PIN_RESET_LOCKED') return go('locked', failure.message);
      setError(errorMessage(failure));
    }
  }

  function sendNewCode() {
    if (!PHONE_PATTERN.test(newPhone)) return setError('请输入 11 位手机号');
    void sendCode(newSender, () => sendPhoneCode({ to: 'NEW', newPhone }));
  }

  function choose(how: 'old' | 'identity') {
    setVia(how);
    go(how);
  }

  function oldNext() {
    if (!oldSender.sent) return setError('请先获取验证码');
    if (!CODE_PATTERN.test(oldCode)) return setError('请输入 6 位短信验证码');
    go('new');
  }

  function identityNext() {
    const checked = checkedIdentity(identity);
    if ('problem' in checked) return setError(checked.problem);
    setIdentity(checked.identity);
    go('new');
  }

  async function submit() {
    if (!PHONE_PATTERN.test(newPhone)) return setError('请输入 11 位手机号');
    if (!newSender.sent) return setError('请先获取验证码');
    if (!CODE_PATTERN.test(newCode)) return setError('请输入 6 位短信验证码');
    setBusy(true);
    setError('');
    try {
      const verification = via === 'old' ? { oldPhoneCode: oldCode } : identity;
      setResult(await changePhone({ newPhone, newPhoneCode: newCode, ...verification }));
      go('done');
      onChanged();
    } catch (failure) {
      const back = failure instanceof ApiError ? stepForRefusal(failure) : undefined;
      go(back ?? 'new', errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page'>
      <Intro title='更换手机号' text='更换后，转账收款、验证码和通知短信都使用新手机号。新手机号须未被其他近邻银行用户绑定。' />
      <View className='card'>
        <InfoRow id='bound-phone' label='当前手机号' value={bindings.phoneMasked} />
      </View>
      {step === 'choose' && (
        <View>
          <View className='card menu'>
            <MenuRow id='phone-via-old' label='原手机号可以接收短信' onClick={() => choose('old')} />
            <MenuRow id='phone-via-identity' label='原手机号已丢失或停用' onClick={() => choose('identity')} />
          </View>
          <Text className='hint'>原手机号无法接收短信时，请核验姓名、身份证号和绑定的银行卡。</Text>
          <History changes={bindings.changes} />
        </View>
      )}
      {step === 'old' && (
        <CodeStep
          idPrefix='phone-old'
          hint={`验证码将发送至当前手机号 ${bindings.phoneMasked}。`}
          code={oldCode}
          onChange={setOldCode}
          sentHint={sentHint(oldSender.sent)}
          resendAt={oldSender.resendAt}
          sending={oldSender.sending}
          error={error}
          onSend={() => void sendCode(oldSender, () => sendPhoneCode({ to: 'OLD' }))}
          onNext={oldNext}
          onBack={() => go('choose')}
        />
      )}
      {step === 'identity' && (
        <View>
          <IdentityStep idPrefix='phone-identity' identity={identity} onChange={setIdentity} error={error} onNext={identityNext} />
          <View className='actions'>
            <Button id='phone-identity-back' className='btn btn--ghost' onClick={() => go('choose')}>
              上一步
            </Button>
          </View>
        </View>
      )}
      {step === 'new' && (
        <CodeStep
          idPrefix='phone-new'
          hint='验证码将发送至新手机号。'
          before={<Field id='phone-new-number' label='新手机号' kind='digits' value={newPhone} onChange={setNewPhone} maxlength={11} placeholder='请输入新的手机号' />}
          code={newCode}
          onChange={setNewCode}
          sentHint={sentHint(newSender.sent)}
          resendAt={newSender.resendAt}
          sending={newSender.sending}
          error={error}
          onSend={sendNewCode}
          onNext={() => void submit()}
          onBack={() => go(via)}
          nextLabel='确认更换'
          busy={busy}
        />
      )}
      {step === 'done' && result && <Done result={result} />}
      {step === 'locked' && <LockedCheck message={error} messageId='phone-change-locked' />}
    </View>
  );
}

/** 更换手机号: the phone in force and its history, then the change — by the old phone's code or,
 *  the old phone lost, the identity check — with the new phone's code. The server checks it all. */
export default function PhoneChangePage() {
  const { remote, reload } = useRemote(getPhoneBindings);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return <PhonePage bindings={remote.data} onChanged={() => void reload()} />;
}
