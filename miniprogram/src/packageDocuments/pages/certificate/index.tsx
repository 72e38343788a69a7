import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemoteTarget } from '@/hooks/useRemoteTarget';
import { errorMessage } from '@/api/http';
import { PAGES, replaceWith } from '@/lib/nav';
import { fileSize, openFile } from '@/lib/open-file';
import { getPayoffCertificate } from '../../api';

/** 结清证明 of a paid-off loan: made by the server as a PDF when the page opens, then opened (or
 *  downloaded in H5) on a tap. A loan not paid off is refused with the server's message. */
export default function PayoffCertificatePage() {
  const { params } = useRouter();
  const { remote, reload } = useRemoteTarget(params.loanId, getPayoffCertificate);
  const [error, setError] = useState('');
  if (remote.status === 'missing') return <MissingTarget message='未找到该笔借款' next={{ label: '查看我的借款', onClick: () => replaceWith(PAGES.loans) }} />;
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const file = remote.data;
  const open = () => openFile({ fileName: file.fileName, contentType: file.contentType, base64: file.pdfBase64 }).then(() => setError(''), (failed: unknown) => setError(errorMessage(failed)));
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>贷款结清证明</Text>
        <Text className='hint'>证明该笔借款的本金、利息及罚息均已还清，您在该笔借款项下不欠近邻银行任何款项。可用于向其他机构出示。</Text>
        <InfoRow label='借款编号' value={file.loanId} />
        <Text id='certificate-file' className='hint'>
          {`${file.fileName}（${fileSize(file.sizeBytes)}）`}
        </Text>
      </View>
      <View className='actions'>
        <Button id='certificate-open' className='btn btn--primary' onClick={() => void open()}>
          {process.env.TARO_ENV === 'h5' ? '下载结清证明（PDF）' : '打开结清证明（PDF）'}
        </Button>
      </View>
      <ErrorText message={error} />
    </View>
  );
}
