import { Text, View } from '@tarojs/components';
import type { BillerCatalog } from '@contract/bill-schemas';
import { useState } from 'react';
import { MenuRow } from '@/components/MenuRow';
import { RemoteStatus } from '@/components/Status';
import { useRemote } from '@/hooks/useRemote';
import { goTo, PAGES } from '@/lib/nav';
import { getBillers } from '../../api';
import { CATEGORY_GLYPHS } from '../../labels';
import '../../bills.css';

type Category = BillerCatalog['categories'][number];

function Categories({ catalog, selected, onSelect }: { catalog: BillerCatalog; selected: Category | null; onSelect: (category: Category) => void }) {
  return (
    <View className='card'>
      <Text className='card__title'>选择缴费类型</Text>
      <View className='tiles'>
        {catalog.categories.map((item) => (
          <View
            key={item.category}
            id={`bill-category-${item.category}`}
            className={item.category === selected?.category ? 'tile tile--selected' : 'tile'}
            onClick={() => onSelect(item)}
          >
            <View className='tile__icon'>
              <Text>{CATEGORY_GLYPHS[item.category]}</Text>
            </View>
            <Text className='tile__label'>{item.label}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Cities({ category, city, onSelect }: { category: Category; city: string | null; onSelect: (city: string) => void }) {
  return (
    <View className='card'>
      <Text className='card__title'>选择城市</Text>
      <View className='chips chips--standalone'>
        {category.cities.map((item) => (
          <View
            key={item.code}
            id={`bill-city-${item.code}`}
            className={item.code === city ? 'chip chip--selected' : 'chip'}
            onClick={() => onSelect(item.code)}
          >
            <Text>{item.name}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

function Billers({ billers }: { billers: BillerCatalog['items'] }) {
  return (
    <View className='card'>
      <Text className='card__title'>选择缴费单位</Text>
      {billers.map((biller) => (
        <View
          key={biller.billerId}
          id={`biller-${biller.billerId}`}
          className='list-row'
          onClick={() => goTo(PAGES.billLookup, { billerId: biller.billerId })}
        >
          <View className='list-row__main'>
            <Text className='list-row__title'>{biller.name}</Text>
            <Text className='meta'>
              {biller.city.name} · {biller.categoryLabel}
            </Text>
          </View>
          <Text className='menu__arrow'>›</Text>
        </View>
      ))}
    </View>
  );
}

function Chooser({ catalog }: { catalog: BillerCatalog }) {
  const [category, setCategory] = useState<Category | null>(null);
  const [city, setCity] = useState<string | null>(null);

  function chooseCategory(next: Category) {
    setCategory(next);
    // One city: nothing to choose.
    setCity(next.cities.length === 1 ? next.cities[0]!.code : null);
  }

  const billers = catalog.items.filter((biller) => biller.category === category?.category && biller.city.code === city);
  return (
    <View>
      <Categories catalog={catalog} selected={category} onSelect={chooseCategory} />
      {category && <Cities category={category} city={city} onSelect={setCity} />}
      {category && city && <Billers billers={billers} />}
      <View className='card menu'>
        <MenuRow id='bills-payees' label='常用缴费户' onClick={() => goTo(PAGES.billPayees)} />
        <MenuRow id='bills-history' label='缴费记录' onClick={() => goTo(PAGES.billHistory)} />
      </View>
    </View>
  );
}

/** Bill payment: category → city → biller, then the account number on the next page. */
export default function BillsPage() {
  const { remote, reload } = useRemote(getBillers);
  if (remote.status !== 'ready') return <RemoteStatus remote={remote} onRetry={reload} />;
  return (
    <View className='page'>
      <Chooser catalog={remote.data} />
    </View>
  );
}
