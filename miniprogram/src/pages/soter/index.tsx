import { Button, Text, View } from '@tarojs/components';
import type { Me } from '@contract/schemas';
import type { PaymentAuthorization, SoterAuthMode } from '@contract/second-factor-schemas';
import { useEffect, useState } from 'react';
import { getMe } from '@/api/bank';
import { errorMessage } from '@/api/http';
import { authorizePayment } from '@/api/payments';
import { enrolSoter, revokeSoter, SOTER_PATH } from '@/api/soter';
import { InfoRow } from '@/components/InfoRow';
import { Intro } from '@/components/Intro';
import { Options } from '@/components/Options';
import { PinInput } from '@/components/PinInput';
import { ForgotPin, PinLockedHelp } from '@/components/PinSheet';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { SubmitActions } from '@/components/SubmitButton';
import { secondFactorOutcome } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { goTo, PAGES } from '@/lib/nav';
import { type EnteredPin, pinCipherFor } from '@/lib/pin-cipher';
import { availableSoterModes, SOTER_MODE_LABELS } from '@/lib/soter';
import { formatDateTime } from '@/lib/time';

type Enrolment = NonNullable<Me['soterEnrolled']>;

/** On: how, since when, and the way to turn it off. */
function Enrolled({ enrolment, onChanged }: { enrolment: Enrolment; onChanged: () => void }) {
  const { busy, error, run } = useSubmit();
  async function turnOff() {
    if (await run(() => revokeSoter())) onChanged();
  }
  return (
    <View className='card'>
      <InfoRow id='soter-mode' label='已开启' value={`${SOTER_MODE_LABELS[enrolment.authMode]}支付`} />
      <InfoRow label='开启时间' value={formatDateTime(enrolment.enrolledAt)} />
      <View className='actions'>
        <Button id='soter-revoke' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} disabled={busy} onClick={busy ? undefined : turnOff}>
          {busy ? '处理中…' : '关闭指纹/面容支付'}
        </Button>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

/**
 * Turning it on: the mode (when the phone has both), then the PIN — entered like every PIN and
 * encrypted with the challenge of a nonce asked for this enrolment. A refused PIN asks a new nonce
 * and the PIN again; too many lock it, and the page says how to go on.
 */
function EnrolForm({ modes, onEnrolled }: { modes: SoterAuthMode[]; onEnrolled: () => void }) {
  const [mode, setMode] = useState<SoterAuthMode>(modes[0]!);
  const [entering, setEntering] = useState(false);
  const [authorization, setAuthorization] = useState<PaymentAuthorization | null>(null);
  const [entry, setEntry] = useState(0);
  const [message, setMessage] = useState('');
  const [locked, setLocked] = useState('');
  const { busy, run } = useSubmit();

  async function askNonce(reason: string) {
    setAuthorization(null);
    setEntry((count) => count + 1);
    setMessage(reason);
    try {
      setAuthorization(await authorizePayment({ method: 'POST', path: SOTER_PATH, body: { authMode: mode } }));
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  }

  async function entered(pin: EnteredPin) {
    if (!authorization) return;
    let failure: unknown;
    const me = await run(async () => {
      try {
        return await enrolSoter({ authMode: mode, secondFactor: { nonce: authorization.nonce, pinCipher: pinCipherFor(pin, authorization) } });
      } catch (thrown) {
        failure = thrown;
        throw thrown;
      }
    });
    if (me) return onEnrolled();
    if (secondFactorOutcome(failure) === 'locked') return setLocked(errorMessage(failure));
    await askNonce(errorMessage(failure));
  }

  if (locked) return <PinLockedHelp message={locked} />;
  if (!entering) {
    return (
      <View className='card'>
        {modes.length > 1 && (
          <Options idPrefix='soter-mode' label='验证方式' options={modes.map((value) => ({ value, label: SOTER_MODE_LABELS[value] }))} selected={mode} onSelect={setMode} />
        )}
        <SubmitActions
          id='soter-enrol'
          busy={false}
          error=''
          onClick={() => {
            setEntering(true);
            void askNonce('');
          }}
        >
          {`开启${SOTER_MODE_LABELS[mode]}支付`}
        </SubmitActions>
      </View>
    );
  }
  return (
    <View className='card pin-entry'>
      <Text id='pin-prompt' className='pin-entry__prompt'>
        请输入支付密码，验证身份
      </Text>
      <PinInput key={entry} challenge={authorization?.challenge ?? null} disabled={busy} onEntered={entered}>
        <View className='pin-sheet__under'>
          {message && (
            <Text id='pin-message' className='pin-sheet__message'>
              {message}
            </Text>
          )}
          {(busy || !authorization) && (
            <Text id='pin-status' className='pin-sheet__status'>
              {busy ? '正在开启…' : '正在准备…'}
            </Text>
          )}
          <ForgotPin />
        </View>
      </PinInput>
    </View>
  );
}

/**
 * 指纹/面容支付 in the settings: on with the PIN, off at any time. The phone must offer SOTER and
 * have a finger or face set up; a browser (H5) never does, so there this page only explains, and
 * turns off an enrolment made on a phone.
 */
export default function SoterPage() {
  const { remote, reload } = useRemote(getMe);
  const [modes, setModes] = useState<SoterAuthMode[] | null>(null);

  useEffect(() => {
    void availableSoterModes().then(setModes);
  }, []);

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const me = remote.data;

  let body;
  if (me.soterEnrolled) body = <Enrolled enrolment={me.soterEnrolled} onChanged={() => void reload()} />;
  else if (!me.pinSet) {
    body = (
      <View className='card'>
        <Text className='hint'>开启前请先设置支付密码。</Text>
        <SubmitActions id='soter-set-pin' busy={false} error='' onClick={() => goTo(PAGES.pin)}>
          设置支付密码
        </SubmitActions>
      </View>
    );
  } else if (modes === null) body = <Text className='hint'>正在检查本机是否支持…</Text>;
  else if (modes.length === 0) {
    body = (
      <View id='soter-unavailable' className='card'>
        <Text className='hint'>本机暂不支持指纹/面容支付，或手机中尚未录入指纹/面容。付款时请使用支付密码。</Text>
      </View>
    );
  } else body = <EnrolForm modes={modes} onEnrolled={() => void reload()} />;

  return (
    <View className='page'>
      <Intro title='指纹/面容支付' text='开启后，付款时可用指纹或面容代替支付密码；支付密码随时可用。' />
      {body}
    </View>
  );
}
