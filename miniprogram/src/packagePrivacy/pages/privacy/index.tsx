import { Button, Text, View } from '@tarojs/components';
import type { ConsentsView, DataCopyFile, PrivacySummary } from '@contract/privacy-schemas';
import { useState } from 'react';
import { ApiError, errorMessage } from '@/api/http';
import { Field } from '@/components/Field';
import { Intro } from '@/components/Intro';
import { PaymentActions } from '@/components/PaymentSheets';
import { ServicePhone } from '@/components/ServicePhone';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { usePayment } from '@/hooks/usePayment';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { fileSize, openFile } from '@/lib/open-file';
import { formatDateTime } from '@/lib/time';
import { DATA_COPY_PATH, getDataCopy, getPrivacySummary, renamePayee, requestDeletion, setConsent } from '../../api';

type Consent = ConsentsView['consents'][number];
type Category = PrivacySummary['categories'][number];
type ShownValue = Category['values'][number];

/** 营销信息 and 个性化推荐: off until the customer turns them on, off again with one tap. */
function Consents({ initial, onChanged }: { initial: Consent[]; onChanged: () => void }) {
  const [consents, setConsents] = useState(initial);
  const { busy, error, run } = useSubmit();

  async function flip(consent: Consent) {
    const answer = await run(() => setConsent({ kind: consent.kind, granted: !consent.granted }));
    if (!answer) return;
    setConsents(answer.consents);
    // The summary counts the changes (授权记录).
    onChanged();
  }

  return (
    <View id='privacy-consents' className='card'>
      <Text className='card__title'>可选授权</Text>
      <Text className='hint'>以下授权并非使用近邻银行服务所必需，默认不开启；您可随时开启或撤回，每次变更都会记录。</Text>
      {consents.map((consent) => (
        <View key={consent.kind} className='list-row'>
          <View className='list-row__main'>
            <Text className='list-row__title'>{consent.title}</Text>
            <Text className='meta'>{consent.text}</Text>
            {consent.changedAt && <Text className='meta'>{`${consent.granted ? '开启于' : '撤回于'} ${formatDateTime(consent.changedAt)}`}</Text>}
          </View>
          <View
            id={`consent-${consent.kind.toLowerCase()}`}
            role='switch'
            aria-checked={consent.granted}
            className={consent.granted ? 'chip chip--selected' : 'chip'}
            onClick={busy ? undefined : () => void flip(consent)}
          >
            <Text>{consent.granted ? '已开启' : '已关闭'}</Text>
          </View>
        </View>
      ))}
      <ErrorText message={error} />
    </View>
  );
}

/** The copy of everything, unmasked: the PIN first (never a fingerprint), then the file opens. */
function DataCopy({ limits }: { limits: PrivacySummary['copyLimits'] }) {
  const payment = usePayment();
  const [made, setMade] = useState('');

  function download(format: DataCopyFile['format']) {
    setMade('');
    void payment.start({
      path: DATA_COPY_PATH,
      body: { format },
      idempotent: false,
      pinOnly: true,
      send: (body) => getDataCopy(body),
      onPaid: (file: DataCopyFile) => {
        const cut = file.truncated.length > 0 ? '，部分记录超出上限未包含' : '';
        openFile({ fileName: file.fileName, contentType: file.contentType, base64: file.contentBase64 }).then(
          () => setMade(`已生成 ${file.fileName}（${fileSize(file.sizeBytes)}${cut}）`),
          (failed: unknown) => payment.setError(errorMessage(failed)),
        );
      },
    });
  }

  return (
    <View id='privacy-copy' className='card'>
      <Text className='card__title'>下载个人信息副本</Text>
      <Text className='hint'>
        {`副本含您完整的姓名、身份证号、手机号和银行卡号，以及账户、交易、借款、理财、缴费、投诉和授权记录，需验证支付密码。每份最多含 ${limits.postings} 笔交易、${limits.billPayments} 笔缴费、${limits.wealthOrders} 笔理财订单、${limits.complaints} 件投诉，文件不超过 ${fileSize(limits.maxBytes)}；其余记录请查看对账单或联系客服。`}
      </Text>
      <Text className='hint'>JSON 便于导入其他应用；PDF 便于阅读和打印。在微信中，JSON 文件会发送到您选择的聊天（如「文件传输助手」）。</Text>
      <PaymentActions
        id='copy-json'
        payment={payment}
        title='下载个人信息副本'
        confirmLabel='确认下载'
        onClick={() => download('JSON')}
        extra={
          <Button id='copy-pdf' className='btn btn--ghost' disabled={payment.busy} onClick={payment.busy ? undefined : () => download('PDF')}>
            下载 PDF 副本
          </Button>
        }
      >
        下载 JSON 副本
      </PaymentActions>
      {made && (
        <Text id='copy-made' className='hint'>
          {made}
        </Text>
      )}
    </View>
  );
}

/** A saved payee's name (备注名), corrected here. */
function PayeeName({ payeeId, current, onRenamed }: { payeeId: string; current: string; onRenamed: () => void }) {
  const [editing, setEditing] = useState(false);
  const [nickname, setNickname] = useState(current);
  const { busy, error, setError, run } = useSubmit();

  async function save() {
    const trimmed = nickname.trim();
    if (trimmed.length === 0 || trimmed.length > 20) return setError('备注名为 1–20 个字');
    if (await run(() => renamePayee(payeeId, trimmed))) {
      setEditing(false);
      onRenamed();
    }
  }

  if (!editing) {
    return (
      <Button id={`rename-${payeeId}`} className='btn btn--ghost btn--small' onClick={() => setEditing(true)}>
        修改备注名
      </Button>
    );
  }
  return (
    <View>
      <Field id={`nickname-${payeeId}`} label='备注名' kind='text' value={nickname} onChange={setNickname} maxlength={20} placeholder='1–20 个字' />
      <View className='actions'>
        <Button id={`save-${payeeId}`} className={busy ? 'btn btn--primary btn--disabled' : 'btn btn--primary'} disabled={busy} onClick={busy ? undefined : () => void save()}>
          {busy ? '处理中…' : '保存'}
        </Button>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

function ValueRow({ value, onChanged }: { value: ShownValue; onChanged: () => void }) {
  return (
    <View className='list-row'>
      <View className='list-row__main'>
        <Text className='list-row__title'>{value.label}</Text>
        <Text className='meta'>{value.value}</Text>
        {value.correction && <Text className='meta'>{value.correction.text}</Text>}
        {value.payee && <PayeeName payeeId={value.payee.payeeId} current={value.payee.nickname} onRenamed={onChanged} />}
      </View>
    </View>
  );
}

function CategoryCard({ category, onChanged }: { category: Category; onChanged: () => void }) {
  return (
    <View id={`category-${category.category.toLowerCase()}`} className='card'>
      <Text className='card__title'>{category.title}</Text>
      <Text className='hint'>{`包括：${category.holds}`}</Text>
      {category.values.map((value) => (
        <ValueRow key={value.label} value={value} onChanged={onChanged} />
      ))}
      <Text className='hint'>{`用途：${category.purpose}`}</Text>
      <Text className='hint'>{`依据：${category.legalBasis}`}</Text>
      <Text className='hint'>{`保存期限：${category.retention}`}</Text>
    </View>
  );
}

/** 删除个人信息: answered by the server with the retention rule (the deletion itself is automatic). */
function Deletion({ summary }: { summary: PrivacySummary }) {
  const [answer, setAnswer] = useState('');
  const { busy, error, run } = useSubmit();

  async function ask() {
    // The refusal is the answer; anything else (no network) is an error.
    await run(() =>
      requestDeletion().catch((refusal: unknown) => {
        if (refusal instanceof ApiError && refusal.status === 409) setAnswer(refusal.message);
        else throw refusal;
      }),
    );
  }

  return (
    <View id='privacy-deletion' className='card'>
      <Text className='card__title'>删除个人信息</Text>
      <Text className='hint'>
        {summary.closure
          ? `您的电子账户已于 ${formatDateTime(summary.closure.closedAt)} 注销。依据《反洗钱法》，身份资料和交易记录保存至 ${formatDateTime(summary.closure.retainUntil)}，期满后自动删除或匿名化，无需申请。`
          : `依据《反洗钱法》，销户后身份资料和交易记录须保存 ${summary.retentionYears} 年，期满后自动删除或匿名化。如需注销电子账户，请在首页「注销电子账户」办理。`}
      </Text>
      {answer && (
        <View id='deletion-answer' className='notice'>
          <Text>{answer}</Text>
        </View>
      )}
      <View className='actions'>
        <Button id='deletion-request' className={busy ? 'btn btn--ghost btn--disabled' : 'btn btn--ghost'} disabled={busy} onClick={busy ? undefined : () => void ask()}>
          申请删除个人信息
        </Button>
      </View>
      <ErrorText message={error} />
    </View>
  );
}

/** 个人信息与隐私 (PIPL Arts. 44–47): what the bank holds and why (masked), the optional consents,
 *  the copy (JSON or PDF, PIN-confirmed), corrections, and deletion's rule. */
export default function PrivacyPage() {
  const { remote, reload } = useRemote(getPrivacySummary);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const summary = remote.data;
  return (
    <View className='page'>
      <Intro title='个人信息与隐私' text='我们保存的您的个人信息、用途与依据、保存期限。您可以下载副本、更正可更正的信息、撤回可选授权。' />
      <Consents initial={summary.consents} onChanged={reload} />
      <DataCopy limits={summary.copyLimits} />
      {summary.categories.map((category) => (
        <CategoryCard key={category.category} category={category} onChanged={reload} />
      ))}
      <Deletion summary={summary} />
      <ServicePhone />
    </View>
  );
}
