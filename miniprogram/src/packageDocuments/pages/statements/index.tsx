import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { MenuRow } from '@/components/MenuRow';
import { ErrorText, RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { useSubmit } from '@/hooks/useSubmit';
import { fileSize, openFile } from '@/lib/open-file';
import { getStatement, getStatementMonths } from '../../api';

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** 对账单: the months since the account opened, newest first; tapping one makes that month's
 *  statement (PDF) on the server and opens it — the current month runs to the time it is made. */
export default function StatementsPage() {
  const { remote, reload } = useRemote(getStatementMonths);
  const { busy, error, run } = useSubmit();
  const [asked, setAsked] = useState<string>();
  const [opened, setOpened] = useState<string>();

  const open = async (month: string) => {
    setAsked(month);
    const file = await run(() => getStatement(month));
    if (!file) return;
    await openFile({ fileName: file.fileName, contentType: file.contentType, base64: file.pdfBase64 });
    setOpened(`已生成 ${file.fileName}（${fileSize(file.sizeBytes)}）`);
  };

  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  const [current] = remote.data.months;
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>电子账户对账单</Text>
        <Text className='hint'>每月一份 PDF：期初余额、每笔收支及余额、本期收入与支出合计、期末余额。金额以银行记账为准。</Text>
      </View>
      <View className='card menu' id='statement-months'>
        {remote.data.months.map((month) => (
          <MenuRow
            key={month}
            id={`statement-${month}`}
            label={busy && asked === month ? `${monthLabel(month)} · 生成中…` : month === current ? `${monthLabel(month)}（本月至今）` : monthLabel(month)}
            onClick={() => void open(month)}
          />
        ))}
      </View>
      {opened && (
        <Text id='statement-opened' className='hint'>
          {opened}
        </Text>
      )}
      <ErrorText message={error} />
    </View>
  );
}
