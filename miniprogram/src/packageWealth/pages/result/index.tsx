import { Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam, textParam } from '@/lib/result';
import '../../wealth.css';

const MESSAGE: Record<string, string> = {
  BUY: '购买成功，份额确认中',
  REDEEM: '赎回已受理',
  CANCEL: '已撤销，款项已退回',
};

/** A finished purchase, redemption or cancellation, as the server returned it. */
export default function WealthResultPage() {
  const { params } = useRouter();
  const balanceFen = fenParam(params.balanceFen);
  const message = textParam(params.message);
  return (
    <ResultPage
      message={MESSAGE[params.kind ?? ''] ?? '办理成功'}
      amountFen={fenParam(params.amountFen)}
      next={{ id: 'result-holdings', label: '查看持仓', onClick: () => replaceWith(PAGES.wealthHoldings) }}
    >
      {params.productName && <InfoRow label='产品' value={textParam(params.productName)} />}
      {params.confirmDate && <InfoRow label='份额确认日' value={`${textParam(params.confirmDate)} 日终`} />}
      {params.coolingOffEndsOn && <InfoRow label='冷静期' value={`${textParam(params.coolingOffEndsOn)} 前可撤销`} />}
      {message && (
        <Text id='result-detail' className='hint'>
          {message}
        </Text>
      )}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
    </ResultPage>
  );
}
