import { useRouter } from '@tarojs/taro';
import { InfoRow } from '@/components/InfoRow';
import { MissingTarget } from '@/components/MissingTarget';
import { BalanceRow, ResultPage } from '@/components/ResultPage';
import { PAGES, replaceWith } from '@/lib/nav';
import { fenParam, textParam } from '@/lib/result';
import { formatDateTime } from '@/lib/time';
import '../../community.css';

/** A paid community order, as the server answered the payment: the page replaced the order, so
 *  Back does not pay it again. */
export default function CommunityResultPage() {
  const { params } = useRouter();
  const amountFen = fenParam(params.amountFen);
  const orderId = textParam(params.orderId);
  // A link without the payment's answer (shared, cut short) has no result to show.
  if (!orderId || amountFen === null || !params.reference) {
    return <MissingTarget message='未找到这笔支付的结果' next={{ label: '查看社区订单', onClick: () => replaceWith(PAGES.communityOrders) }} />;
  }
  const balanceFen = fenParam(params.balanceFen);
  const paidAt = textParam(params.paidAt);
  return (
    <ResultPage
      message='支付成功'
      amountFen={amountFen}
      reference={textParam(params.reference)}
      next={{ id: 'result-order', label: '查看订单', onClick: () => replaceWith(PAGES.communityOrder, { orderId }) }}
    >
      <InfoRow id='result-merchant' label='收款商户' value={textParam(params.merchant)} />
      {paidAt && <InfoRow label='支付时间' value={formatDateTime(paidAt)} />}
      {balanceFen !== null && <BalanceRow balanceFen={balanceFen} />}
    </ResultPage>
  );
}
