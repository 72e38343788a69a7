// 产品工厂 · 理财产品's pages under /products/wealth: the list, a product, and the editor (new, a
// new version of a product, a new product cloned from one). Loaded on demand by the factory.
import { PageContainer } from '@ant-design/pro-components';
import { Result } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { fetchWealthProduct } from '@/api/wealth';
import { changePath, LoadedEditorPage, useSubmitted } from '../factory-pages';
import { WealthDetail } from './WealthDetail';
import { WealthEditor } from './WealthEditor';
import { WealthList } from './WealthList';

function NewProduct() {
  const onSubmitted = useSubmitted();
  return (
    <PageContainer title="新建理财产品" onBack={() => history.back()}>
      <WealthEditor mode={{ kind: 'new' }} onSubmitted={onSubmitted} />
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
      load={fetchWealthProduct}
      problemTitle="无法加载该产品"
      subTitle={(product) => `${product.name} v${product.version}`}
    >
      {(product) => <WealthEditor key={kind} mode={{ kind, base: product }} onSubmitted={onSubmitted} />}
    </LoadedEditorPage>
  );
}

function Detail({ canDraft }: { canDraft: boolean }) {
  const { productId = '' } = useParams();
  const onSubmitted = useSubmitted();
  return <WealthDetail key={productId} productId={productId} canDraft={canDraft} changePath={changePath} onSubmitted={onSubmitted} />;
}

export default function WealthFactory({ canDraft }: { canDraft: boolean }) {
  return (
    <Routes>
      <Route index element={<WealthList canDraft={canDraft} changePath={changePath} />} />
      <Route path=":productId" element={<Detail canDraft={canDraft} />} />
      {canDraft && <Route path="new" element={<NewProduct />} />}
      {canDraft && <Route path=":productId/new-version" element={<FromProduct kind="new-version" />} />}
      {canDraft && <Route path=":productId/clone" element={<FromProduct kind="clone" />} />}
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
