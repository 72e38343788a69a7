import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { rememberSimulatedUser, SIMULATED_USER_INVALID, simulatedUser } from '@/api/session';
import { Field } from '@/components/Field';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { PAGES, replaceWith } from '@/lib/nav';
import { bindStaff, isH5 } from '../../api';
import '../../rm.css';

const BINDING_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{12}$/;

/** What the manager typed, as the code: spaces and dashes dropped, letters upper-cased. */
const normalized = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

/** Binds this WeChat identity to the staff record the operator created, once. */
export default function BindPage() {
  const [user, setUser] = useState(() => (isH5 ? simulatedUser() : ''));
  const [code, setCode] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleBind() {
    const bindingCode = normalized(code);
    if (!BINDING_CODE.test(bindingCode)) return setError('绑定码为 12 位字母或数字，请核对');
    if (isH5 && !rememberSimulatedUser(user)) return setError(SIMULATED_USER_INVALID);
    const session = await run(() => bindStaff(bindingCode, user));
    if (session) replaceWith(PAGES.rmWorkbench);
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>绑定员工身份</Text>
        <Text className='card__subtitle'>输入管理员提供的一次性绑定码，绑定后本微信即可进入客户经理工作台。</Text>
        {isH5 && (
          <Field id='rm-bind-user' label='模拟微信用户' value={user} onChange={setUser} maxlength={64} />
        )}
        <Field id='rm-binding-code' label='绑定码' value={code} onChange={setCode} maxlength={20} placeholder='12 位，如 ABCD-EFGH-JKMN' />
      </View>
      <SubmitActions id='rm-bind-submit' busy={busy} error={error} onClick={handleBind}>
        绑定
      </SubmitActions>
    </View>
  );
}
