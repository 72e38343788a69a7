import { Button, Text, View } from '@tarojs/components';
import { BottomSheet } from './BottomSheet';

/** What every warning says after the server's reasons: the scams a warned payment most often is. */
const ADVICE =
  '公检法机关不会通过电话、短信要求转账，不存在“安全账户”。不要向陌生人转账，不要相信“刷单返利”“先交保证金再放款”等说法。如有疑问，请先停止操作，拨打 96110 反诈专线咨询。';

interface RiskWarningSheetProps {
  /** What is being paid for, e.g. 转账: the buttons name it. */
  title: string;
  /** Why the bank warns, in the server's words (review.risk.reasons), one per rule. */
  reasons: string[];
  /** When the transfer will be held (review.risk.delayHours); null when it is only warned. */
  delayHours: number | null;
  onCancel: () => void;
  onContinue: () => void;
}

/**
 * The anti-fraud warning the server's review carried (review.risk, not yet acknowledged), shown
 * before any PIN: its reasons as sent, then the standard advice. Stopping is the prominent action;
 * going on is the secondary one, and asks the review again as acknowledged.
 */
export function RiskWarningSheet({ title, reasons, delayHours, onCancel, onContinue }: RiskWarningSheetProps) {
  return (
    <BottomSheet id='risk-sheet' title='风险提示'>
      <View className='risk'>
        <View id='risk-reasons' className='notice notice--danger'>
          {reasons.map((reason, index) => (
            <Text key={index} id={`risk-reason-${index}`} className='risk__reason'>
              {reason}
            </Text>
          ))}
        </View>
        {delayHours !== null && (
          <Text id='risk-delay' className='risk__delay'>
            {`为保护您的资金安全，这笔${title}将延时 ${delayHours} 小时到账。到账前，您可在交易详情中随时撤销，资金立即退回。`}
          </Text>
        )}
        <Text id='risk-advice' className='risk__advice'>
          {ADVICE}
        </Text>
      </View>
      <View className='sheet__actions'>
        <Button id='risk-cancel' className='btn btn--primary' onClick={onCancel}>
          {`取消${title}`}
        </Button>
        <Button id='risk-continue' className='btn btn--ghost' onClick={onContinue}>
          {`我已知晓风险，继续${title}`}
        </Button>
      </View>
    </BottomSheet>
  );
}
