// 产品工厂's pages under /products: the list, a product, and the editor (new, a new version of a
// product, a new product cloned from one); 缴费机构 under /products/billers, 理财产品 under /products/wealth.
// Loaded on demand by the shell.
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/api/http';
import { fetchLoanProduct } from '@/api/products';
import type { ChangeRequest, LoanProduct, OperatorView } from '@/api/types';
import { accessFor } from '@/shell/access';
import { CHANGES_PATH } from '@/shell/menu';
import { BillerSection } from './billers/BillerSection';
import { ProductDetail } from './ProductDetail';
import { ProductEditor } from './ProductEditor';
import { ProductList } from './ProductList';
import WealthFactory from './wealth/WealthFactory';

const changePath = (changeId: string) => `${CHANGES_PATH}/${encodeURIComponent(changeId)}`;

function useSubmitted(): (change: ChangeRequest) => void {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  return (change) => {
    void message.success(`已提交复核：${change.entityLabel}`);
    navigate(changePath(change.changeId));
  };
}

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
  const { productId = '' } = useParams();
  const onSubmitted = useSubmitted();
  const [base, setBase] = useState<{ product: LoanProduct } | { problem: string } | undefined>();
  useEffect(() => {
    fetchLoanProduct(productId).then(
      (detail) => setBase({ product: detail.current }),
      (error: unknown) => setBase({ problem: errorMessage(error) }),
    );
  }, [productId]);
  const title = kind === 'new-version' ? '复制为新版本' : '复制为新产品';
  if (base === undefined) return <PageContainer title={title}><Skeleton active /></PageContainer>;
  if ('problem' in base) return <Result status="warning" title="无法加载该产品" subTitle={base.problem} extra={<Link to="..">返回</Link>} />;
  return (
    <PageContainer title={title} subTitle={`${base.product.name} v${base.product.version}`} onBack={() => history.back()}>
      <ProductEditor key={kind} mode={{ kind, base: base.product }} onSubmitted={onSubmitted} />
    </PageContainer>
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
        <Route path="billers/*" element={<BillerSection canDraft={canDraftProducts} changePath={changePath} />} />
        <Route path="wealth/*" element={<WealthFactory canDraft={canDraftProducts} changePath={changePath} />} />
        <Route path=":productId" element={<Detail canDraft={canDraftProducts} />} />
        {canDraftProducts && <Route path="new" element={<NewProduct />} />}
        {canDraftProducts && <Route path=":productId/new-version" element={<FromProduct kind="new-version" />} />}
        {canDraftProducts && <Route path=":productId/clone" element={<FromProduct kind="clone" />} />}
        <Route path="*" element={<Result status="404" title="页面不存在" />} />
      </Routes>
    </AntApp>
  );
}
