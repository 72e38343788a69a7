import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { goTo, PAGES, replaceWith } from '@/lib/nav';
import { fenParam, knownKind, textParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';

const SUCCESS_MESSAGE: Record<string, string> = {
  TOP_UP: '充值成功',
  WITHDRAW: '提现成功',
  TRANSFER: '转账成功',
  TRANSFER_HOLD: '转账已受理，延时到账',
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
  const releaseAt = textParam(params.releaseAt);
  const entryId = textParam(params.entryId);
  const held = kind === 'TRANSFER_HOLD' && releaseAt !== '';
  return (
    <ResultPage
      warn={reversed || held}
      message={reversed ? '提现未成功，资金已退回电子账户' : SUCCESS_MESSAGE[kind]}
      amountFen={fenParam(params.amountFen)}
      reference={textParam(params.reference)}
      next={held && entryId ? { id: 'result-held-entry', label: '查看详情或撤销', onClick: () => goTo(PAGES.historyDetail, { entryId }) } : undefined}
    >
      {payee && <InfoRow label='收款人' value={payee} />}
      {createdAt && <InfoRow label='交易时间' value={formatDateTime(createdAt)} />}
      {held && <InfoRow label='预计到账时间' value={formatDateTime(releaseAt)} id='result-release-at' />}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
      {held && (
        <Text id='result-held-hint' className='hint'>
          为保护您的资金安全，这笔转账将延时到账。到账前如发现被骗，可在交易详情中随时撤销，资金立即退回您的电子账户。
        </Text>
      )}
    </ResultPage>
  );
}
