import { Button, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { useCountdown } from '@/hooks/useCountdown';
import type { Identity } from '@/lib/identity';
import { goHome } from '@/lib/nav';
import { PERSON_NAME_MAX_UTF16_UNITS } from '@/lib/person-name';
import { Field } from './Field';
import { ResultCard } from './ResultPage';
import { ServicePhone } from './ServicePhone';
import { SubmitActions } from './SubmitButton';

// The identity check's two steps (本人身份核验: lib/identity.ts), shared by 忘记支付密码, 挂失 and
// 更换手机号 (which sends codes to the old phone and the new one).

interface IdentityStepProps {
  /** Each field's id is `<idPrefix>-name`, `-id`, `-card`; the button's `<idPrefix>-identity-next`. */
  idPrefix: string;
  identity: Identity;
  onChange: (identity: Identity) => void;
  error: string;
  onNext: () => void;
}

export function IdentityStep({ idPrefix, identity, onChange, error, onNext }: IdentityStepProps) {
  return (
    <View>
      <View className='card'>
        <Field id={`${idPrefix}-name`} label='姓名' value={identity.realName} onChange={(realName) => onChange({ ...identity, realName })} maxlength={PERSON_NAME_MAX_UTF16_UNITS} placeholder='与身份证一致' />
        <Field
          id={`${idPrefix}-id`}
          label='身份证号'
          kind='idcard'
          value={identity.idNumber}
          onChange={(idNumber) => onChange({ ...identity, idNumber })}
          maxlength={18}
          placeholder='开户时核验的身份证号'
        />
        <Field
          id={`${idPrefix}-card`}
          label='银行卡号'
          kind='digits'
          value={identity.cardNumber}
          onChange={(cardNumber) => onChange({ ...identity, cardNumber })}
          maxlength={19}
          placeholder='电子账户绑定的银行卡号'
        />
      </View>
      <Text className='hint'>请填写开户时核验的身份信息和电子账户绑定的银行卡，信息仅用于核验本人身份。</Text>
      <SubmitActions id={`${idPrefix}-identity-next`} busy={false} error={error} onClick={onNext}>
        下一步
      </SubmitActions>
    </View>
  );
}

interface CodeStepProps {
  /** The field's id is `<idPrefix>-code`; the buttons' `<idPrefix>-send-code`, `-code-next`, `-code-back`. */
  idPrefix: string;
  code: string;
  onChange: (code: string) => void;
  /** What the page says once a code was asked for; before, where it will go. */
  sentHint: string | null;
  /** When another code may be asked for (ms since the epoch). */
  resendAt: number;
  sending: boolean;
  error: string;
  onSend: () => void;
  onNext: () => void;
  /** 上一步; absent where the step has its own way back (a sheet's 取消). */
  onBack?: () => void;
  /** The button that sends the answers, when it is not 下一步. */
  nextLabel?: string;
  busy?: boolean;
  /** The hint before a code is sent, where the code goes elsewhere than the bound phone
   *  (更换手机号's new phone). */
  hint?: string;
  /** Fields above the code's, in its card (the new phone number). */
  before?: ReactNode;
}

export function CodeStep({
  idPrefix,
  code,
  onChange,
  sentHint,
  resendAt,
  sending,
  error,
  onSend,
  onNext,
  onBack,
  nextLabel = '下一步',
  busy = false,
  hint = '验证码将发送至您绑定的手机号。',
  before,
}: CodeStepProps) {
  const secondsLeft = useCountdown(resendAt);
  const waiting = sending || secondsLeft > 0;
  const label = sending ? '发送中…' : secondsLeft > 0 ? `${secondsLeft} 秒后重发` : sentHint ? '重新发送' : '发送验证码';
  return (
    <View>
      <View className='card'>
        {before}
        <Field
          id={`${idPrefix}-code`}
          label='验证码'
          kind='digits'
          value={code}
          onChange={onChange}
          maxlength={6}
          placeholder='6 位数字'
          extra={
            <Button id={`${idPrefix}-send-code`} className={waiting ? 'btn btn--ghost btn--small btn--disabled' : 'btn btn--ghost btn--small'} disabled={waiting} onClick={waiting ? undefined : onSend}>
              {label}
            </Button>
          }
        />
      </View>
      <Text id={`${idPrefix}-code-hint`} className='hint'>
        {sentHint ?? hint}
      </Text>
      <SubmitActions
        id={`${idPrefix}-code-next`}
        busy={busy}
        error={error}
        onClick={onNext}
        extra={
          onBack && (
            <Button id={`${idPrefix}-code-back`} className='btn btn--ghost' disabled={busy} onClick={busy ? undefined : onBack}>
              上一步
            </Button>
          )
        }
      >
        {nextLabel}
      </SubmitActions>
    </View>
  );
}

/** A check locked by too many wrong answers (PIN_RESET_LOCKED): the server's words, how to reach
 *  customer service, and the way home. */
export function LockedCheck({ message, messageId }: { message: string; messageId: string }) {
  return (
    <View>
      <ResultCard warn message={message} messageId={messageId} />
      <ServicePhone lead='如需帮助，请拨打' />
      <View className='actions'>
        <Button id='back-home' className='btn btn--primary' onClick={goHome}>
          返回首页
        </Button>
      </View>
    </View>
  );
}
