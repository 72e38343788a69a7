import { Text, View } from '@tarojs/components';
import type { CreditLineView } from '@contract/loan-schemas';
import type { ReactNode } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { formatFen } from '@/lib/money';

interface CreditLineCardProps {
  line: CreditLineView;
  /** Id of the available amount. */
  availableId?: string;
  className?: string;
  children?: ReactNode;
}

/** An approved credit line as the server reports it: available, limit, expiry. */
export function CreditLineCard({ line, availableId, className = 'card', children }: CreditLineCardProps) {
  return (
    <View className={className}>
      <View className='card__head'>
        <Text className='card__title'>{line.productName}</Text>
        <Text className='badge'>信用等级 {line.grade}</Text>
      </View>
      <KeyFigure label='可用额度' value={formatFen(line.availableFen)} id={availableId} />
      <InfoRow label='总额度' value={formatFen(line.creditLimitFen)} />
      <InfoRow label='额度有效期至' value={line.lineExpiresOn} />
      {children}
    </View>
  );
}
