import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam, knownKind, textParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';

const SUCCESS_MESSAGE: Record<string, string> = {
  TOP_UP: '充值成功',
  WITHDRAW: '提现成功',
  TRANSFER: '转账成功',
};

/** Shows a finished money movement exactly as the server returned it (see lib/result.ts). */
export default function MoneyResultPage() {
  const { params } = useRouter();
  const kind = knownKind(SUCCESS_MESSAGE, params.kind);
  if (!kind) return <MissingTarget message='未找到这笔交易的结果' next={{ label: '查看交易记录', onClick: () => replaceWith(PAGES.history) }} />;
  const balanceFen = fenParam(params.balanceFen);
  const reversed = params.status === 'REVERSED';
  const payee = textParam(params.payee);
  const createdAt = textParam(params.createdAt);
  return (
    <ResultPage
      warn={reversed}
      message={reversed ? '提现未成功，资金已退回电子账户' : SUCCESS_MESSAGE[kind]}
      amountFen={fenParam(params.amountFen)}
      reference={textParam(params.reference)}
    >
      {payee && <InfoRow label='收款人' value={payee} />}
      {createdAt && <InfoRow label='交易时间' value={formatDateTime(createdAt)} />}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
    </ResultPage>
  );
}
