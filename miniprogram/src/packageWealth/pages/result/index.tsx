import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam, knownKind, textParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';
import '../../wealth.css';

const MESSAGE: Record<string, string> = {
  BUY: '购买成功，份额确认中',
  REDEEM: '赎回已受理',
  CANCEL: '已撤销，款项已退回',
};

/** A finished purchase, redemption or cancellation, as the server returned it. */
export default function WealthResultPage() {
  const { params } = useRouter();
  const kind = knownKind(MESSAGE, params.kind);
  if (!kind) return <MissingTarget message='未找到这笔理财业务的结果' next={{ label: '查看我的持仓', onClick: () => replaceWith(PAGES.wealthHoldings) }} />;
  const balanceFen = fenParam(params.balanceFen);
  const message = textParam(params.message);
  return (
    <ResultPage
      message={MESSAGE[kind]}
      amountFen={fenParam(params.amountFen)}
      reference={textParam(params.reference)}
      next={{ id: 'result-holdings', label: '查看持仓', onClick: () => replaceWith(PAGES.wealthHoldings) }}
    >
      {params.productName && <InfoRow label='产品' value={textParam(params.productName)} />}
      {params.confirmDate && <InfoRow label='份额确认日' value={`${textParam(params.confirmDate)} 日终`} />}
      {params.cancellableUntil && <InfoRow id='result-cooling-off' label='冷静期' value={`${formatDateTime(textParam(params.cancellableUntil))} 前可撤销`} />}
      {message && (
        <Text id='result-detail' className='hint'>
          {message}
        </Text>
      )}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
    </ResultPage>
  );
}
