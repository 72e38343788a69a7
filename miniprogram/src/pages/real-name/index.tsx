import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { verifyRealName } from '@/api/bank';
import { Field } from '@/components/Field';
import { Intro } from '@/components/Intro';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { goHome } from '@/lib/nav';
import { normalizePersonName, PERSON_NAME_MAX_UTF16_UNITS, personNameProblem } from '@/lib/person-name';

// Same shapes the API accepts; the server also checks the ID number's check digit.
const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

export default function RealNamePage() {
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const { busy, error, setError, run } = useSubmit();

  async function handleSubmit() {
    const legalName = normalizePersonName(name);
    const nameProblem = personNameProblem(legalName);
    if (nameProblem) {
      setError(nameProblem);
      return;
    }
    if (!ID_NUMBER_PATTERN.test(idNumber)) {
      setError('请输入 18 位居民身份证号码');
      return;
    }
    const me = await run(() => verifyRealName({ name: legalName, idNumber }));
    if (me) goHome();
  }

  return (
    <View className='page'>
      <Intro title='实名认证' text='根据监管要求，开立银行账户需核验本人身份信息。' />
      <View className='card'>
        <Field
          id='real-name-name'
          label='姓名'
          value={name}
          onChange={setName}
          maxlength={PERSON_NAME_MAX_UTF16_UNITS}
          placeholder='与身份证一致'
        />
        <Field
          id='real-name-id'
          label='身份证号'
          kind='idcard'
          value={idNumber}
          onChange={setIdNumber}
          maxlength={18}
          placeholder='18 位居民身份证号码'
        />
      </View>
      <Text className='hint'>您的身份信息加密存储，仅用于身份核验，页面只显示脱敏信息。</Text>
      <SubmitActions id='real-name-submit' busy={busy} error={error} onClick={handleSubmit}>
        提交认证
      </SubmitActions>
    </View>
  );
}
