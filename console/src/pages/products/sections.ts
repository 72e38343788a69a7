// 产品工厂's sections, as the tabs over each section's list: a section is a route under /products.
import { PRODUCTS_PATH } from '@/shell/menu';

export const PRODUCT_SECTIONS = [
  { key: 'loans', tab: '贷款产品', path: PRODUCTS_PATH },
  { key: 'wealth', tab: '理财产品', path: `${PRODUCTS_PATH}/wealth` },
  { key: 'billers', tab: '缴费机构', path: `${PRODUCTS_PATH}/billers` },
] as const;

export type ProductSection = (typeof PRODUCT_SECTIONS)[number]['key'];

/** The PageContainer props that show the sections as tabs, `active` selected. */
export function sectionTabs(active: ProductSection, navigate: (path: string) => void) {
  return {
    tabList: PRODUCT_SECTIONS.map(({ key, tab }) => ({ key, tab })),
    tabActiveKey: active,
    onTabChange: (key: string) => navigate(PRODUCT_SECTIONS.find((section) => section.key === key)?.path ?? PRODUCTS_PATH),
  };
}
