import { Text, View } from '@tarojs/components';
import type { WealthHoldings, WealthProductView } from '@contract/wealth-schemas';
import type { ReactNode } from 'react';
import { InfoRow } from '@/components/InfoRow';
import { KeyFigure } from '@/components/KeyFigure';
import { formatFen } from '@/lib/money';
import { goTo, PAGES } from '@/lib/nav';
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
  /** The large figure: a holding's market value, or the total assets. */
  valueFen: number;
  /** A holding, or the totals of all of them, as the server sent it. */
  figures: { yesterdayEarningsFen: number; totalEarningsFen: number };
  ids: { value: string; yesterday: string; total: string };
  /** Further small figures after the earnings. */
  children?: ReactNode;
}

/** A value large, yesterday's and total earnings small under it. */
export function ValueFigures({ label, valueFen, figures, ids, children }: ValueFiguresProps) {
  return (
    <>
      <KeyFigure label={label} value={formatFen(valueFen)} id={ids.value} />
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

/** Total assets broken down: what is held, and the money in transit (purchases awaiting their
 *  units, redemptions awaiting their payment) — each fen once, as the server adds them up. */
export function AssetBreakdown({ totals }: { totals: WealthHoldings['totals'] }) {
  return (
    <>
      <InfoRow label='持有市值' value={formatFen(totals.heldValueFen)} id='assets-held' />
      <InfoRow label='在途资金' value={formatFen(totals.inTransitFen)} id='assets-in-transit' />
      {totals.inTransitFen > 0 && (
        <Text className='hint'>
          申购确认中 {formatFen(totals.pendingPurchaseFen)}，赎回到账中 {formatFen(totals.pendingRedemptionFen)}；确认或到账前计入总资产，不重复计算。
        </Text>
      )}
    </>
  );
}

/** A product in a list: name, badges and purchase rule, its headline figure on the right. */
export function ProductRow({ product }: { product: WealthProductView }) {
  return (
    <View id={`product-${product.productId}`} className='product-item' onClick={() => goTo(PAGES.wealthProduct, { productId: product.productId })}>
      <View className='product-item__body'>
        <Text className='product-item__name'>{product.name}</Text>
        <ProductBadges typeLabel={product.typeLabel} risk={product.riskLevel}>
          {!product.onSale && <Text className='badge badge--muted'>暂停申购</Text>}
        </ProductBadges>
        <Text className='product-item__rule'>{product.purchaseRule}</Text>
      </View>
      <View className='product-item__side'>
        <Text className='product-item__headline'>{product.headline.display}</Text>
        <Text className='product-item__label'>{product.headline.label}</Text>
      </View>
    </View>
  );
}
