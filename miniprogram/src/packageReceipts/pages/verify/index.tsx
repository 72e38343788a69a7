import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { ReceiptVerification } from '@contract/receipt-schemas';
import { useState } from 'react';
import { Field } from '@/components/Field';
import { InfoRow } from '@/components/InfoRow';
import { SubmitActions } from '@/components/SubmitButton';
import { useSubmit } from '@/hooks/useSubmit';
import { STATUS_MESSAGES } from '@/lib/history';
import { verifyReceiptCode } from '../../api';
import { ReceiptFigures } from '../../ReceiptFigures';
import '../../receipts.css';

/** What the bank answered for a code: its figures, for comparing with the receipt in hand, or
 *  that it issued no such receipt. */
function Verdict({ answer }: { answer: ReceiptVerification }) {
  if (!answer.genuine || !answer.receipt || !answer.status) {
    return (
      <View id='verify-not-genuine' className='notice notice--danger receipt__answer'>
        <Text className='notice__title'>未能验证</Text>
        <Text>近邻银行没有签发过与该验证码对应的回单。请核对验证码；若无误，该回单可能不真实。</Text>
      </View>
    );
  }
  return (
    <View id='verify-genuine' className='card receipt__answer'>
      <Text className='receipt__verdict'>✓ 回单真实有效</Text>
      <Text className='receipt__words'>以下为近邻银行记录的交易信息，请与您手中的回单逐项核对。</Text>
      <InfoRow label='当前状态' value={STATUS_MESSAGES[answer.status]} id='verify-status' />
      <ReceiptFigures receipt={answer.receipt} />
    </View>
  );
}

/** 回单验证: anyone, signed in or not, types a receipt's verification code and sees whether the
 *  bank issued it. A link from the receipt brings its code along. */
export default function VerifyPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(params.code ?? '');
  const [answer, setAnswer] = useState<ReceiptVerification | null>(null);
  const { busy, error, run } = useSubmit();

  async function handleVerify() {
    setAnswer(null);
    const verdict = await run(() => verifyReceiptCode(code));
    if (verdict) setAnswer(verdict);
  }

  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>验证电子回单</Text>
        <Text className='card__subtitle'>输入回单上的 16 位验证码，向近邻银行核实交易的真实性，无需登录。</Text>
        <Field id='verify-code' label='验证码' value={code} onChange={setCode} maxlength={40} placeholder='如 K7QM-4PX9-2HTR-8WDC' />
      </View>
      <SubmitActions id='verify-submit' busy={busy} error={error} onClick={handleVerify}>
        验证
      </SubmitActions>
      {answer && <Verdict answer={answer} />}
    </View>
  );
}
