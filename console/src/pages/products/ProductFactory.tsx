// 产品工厂's pages under /products: the list, a product, and the editor (new, a new version of a
// product, a new product cloned from one); 缴费机构 under /products/billers, 理财产品 under /products/wealth.
// Loaded on demand by the shell.
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { fetchLoanProduct } from '@/api/products';
import type { OperatorView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { BillerSection } from './billers/BillerSection';
import { changePath, LoadedEditorPage, useSubmitted } from './factory-pages';
import { ProductDetail } from './ProductDetail';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import WealthFactory from './wealth/WealthFactory';

function NewProduct() {
  const onSubmitted = useSubmitted();
  return (
    <PageContainer title="新建产品" onBack={() => history.back()}>
      <ProductEditor mode={{ kind: 'new' }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

/** 复制为新版本 / 复制为新产品: the editor, started from the product's current version. */
function FromProduct({ kind }: { kind: 'new-version' | 'clone' }) {
  const onSubmitted = useSubmitted();
  return (
    <LoadedEditorPage
      title={kind === 'new-version' ? '复制为新版本' : '复制为新产品'}
      param="productId"
      load={fetchLoanProduct}
      problemTitle="无法加载该产品"
      subTitle={(product) => `${product.name} v${product.version}`}
    >
      {(product) => <ProductEditor key={kind} mode={{ kind, base: product }} onSubmitted={onSubmitted} />}
    </LoadedEditorPage>
  );
}

function Detail({ canDraft }: { canDraft: boolean }) {
  const { productId = '' } = useParams();
  return <ProductDetail key={productId} productId={productId} canDraft={canDraft} changePath={changePath} />;
}

export default function ProductFactory({ operator }: { operator: OperatorView }) {
  const { canDraftProducts } = accessFor(operator);
  return (
    <AntApp>
      <Routes>
        <Route index element={<ProductList canDraft={canDraftProducts} changePath={changePath} />} />
        <Route path="billers/*" element={<BillerSection canDraft={canDraftProducts} />} />
        <Route path="wealth/*" element={<WealthFactory canDraft={canDraftProducts} />} />
        <Route path=":productId" element={<Detail canDraft={canDraftProducts} />} />
        {canDraftProducts && <Route path="new" element={<NewProduct />} />}
        {canDraftProducts && <Route path=":productId/new-version" element={<FromProduct kind="new-version" />} />}
        {canDraftProducts && <Route path=":productId/clone" element={<FromProduct kind="clone" />} />}
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Routes>
    </AntApp>
  );
}
