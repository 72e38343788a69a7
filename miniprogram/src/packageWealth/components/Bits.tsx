import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { KeyFigure } from '@/components/KeyFigure';
import { formatFen } from '@/lib/money';
import { optionalId } from '@/lib/optional-id';

/** An earnings figure: signed, red for a gain and green for a loss (the Chinese convention). */
function Earnings({ amountFen, id }: { amountFen: number; id?: string }) {
  const tone = amountFen > 0 ? 'gain' : amountFen < 0 ? 'loss' : '';
  return (
    <Text {...optionalId(id)} className={`figures__value ${tone}`}>
      {formatFen(amountFen, { signed: true })}
    </Text>
  );
}

export function Figure({ label, children }: { label: string; children: JSX.Element }) {
  return (
    <View className='figures__item'>
      <Text className='figures__label'>{label}</Text>
      {children}
    </View>
  );
}

interface ValueFiguresProps {
  label: string;
  /** A holding, or the totals of all of them, as the server sent it. */
  figures: { marketValueFen: number; yesterdayEarningsFen: number; totalEarningsFen: number };
  ids: { value: string; yesterday: string; total: string };
  /** Further small figures after the earnings. */
  children?: ReactNode;
}

/** Market value large, yesterday's and total earnings small under it. */
export function ValueFigures({ label, figures, ids, children }: ValueFiguresProps) {
  return (
    <>
      <KeyFigure label={label} value={formatFen(figures.marketValueFen)} id={ids.value} />
      <View className='figures'>
        <Figure label='昨日收益'>
          <Earnings id={ids.yesterday} amountFen={figures.yesterdayEarningsFen} />
        </Figure>
        <Figure label='累计收益'>
          <Earnings id={ids.total} amountFen={figures.totalEarningsFen} />
        </Figure>
        {children}
      </View>
    </>
  );
}

/** A product's type and risk level, with any further badge after them. */
export function ProductBadges({ typeLabel, risk, children }: { typeLabel: string; risk: string; children?: ReactNode }) {
  return (
    <View className='badges'>
      <Text className='badge'>{typeLabel}</Text>
      <Text className='badge badge--risk'>{risk}</Text>
      {children}
    </View>
  );
}
