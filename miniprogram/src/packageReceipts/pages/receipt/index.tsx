import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { STATUS_MESSAGES } from '@/lib/history';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { getReceipt } from '../../api';
import { ReceiptFigures } from '../../ReceiptFigures';
import '../../receipts.css';

/** The e-receipt (电子回单) of one movement: its figures, the verification code anyone holding it
 *  can check with the bank, and the bank's signature — all as the server made them. */
export default function ReceiptPage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.entryId, getReceipt);
  if (remote.status === 'missing') return <MissingTarget message='未找到这笔交易的回单' next={{ label: '查看交易记录', onClick: () => replaceWith(PAGES.history) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const { receipt, code, signature, status } = remote.data;
  return (
    <View className='page'>
      <View className='card'>
        <View className='receipt__head'>
          <Text className='card__title'>近邻银行电子回单</Text>
          <Text id='receipt-status' className={status === 'SUCCEEDED' ? 'receipt__status' : 'receipt__status receipt__status--warn'}>
            {STATUS_MESSAGES[status]}
          </Text>
        </View>
        <ReceiptFigures receipt={receipt} />
      </View>
      <View className='card'>
        <Text className='card__title'>验证码</Text>
        <Text id='receipt-code' className='receipt__code' userSelect>
          {code}
        </Text>
        <Text className='hint'>持有本回单的任何人，都可在「回单验证」中输入验证码，向近邻银行核实交易是否真实。</Text>
        <InfoRow label='签名密钥' value={receipt.keyId} id='receipt-key' />
        <Text className='receipt__label'>银行签名（Ed25519）</Text>
        <Text id='receipt-signature' className='receipt__signature' userSelect>
          {signature}
        </Text>
      </View>
      <View className='actions'>
        <Button id='receipt-verify' className='btn btn--ghost' onClick={() => goTo(PAGES.receiptVerify, { code })}>
          回单验证
        </Button>
      </View>
    </View>
  );
}
