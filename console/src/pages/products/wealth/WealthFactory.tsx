// 产品工厂 · 理财产品's pages under /products/wealth: the list, a product, and the editor (new, a
// new version of a product, a new product cloned from one). Loaded on demand by the factory.
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { fetchWealthProduct, type WealthProduct } from '@/api/wealth';
import { WealthDetail } from './WealthDetail';
import { WealthEditor } from './WealthEditor';
import { WealthList } from './WealthList';

interface Props {
  canDraft: boolean;
  changePath(changeId: string): string;
}

function useSubmitted(changePath: Props['changePath']): (change: ChangeRequest) => void {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  return (change) => {
    void message.success(`已提交复核：${change.entityLabel}`);
    navigate(changePath(change.changeId));
  };
}

function NewProduct({ changePath }: Pick<Props, 'changePath'>) {
  const onSubmitted = useSubmitted(changePath);
  return (
    <PageContainer title="新建理财产品" onBack={() => history.back()}>
      <WealthEditor mode={{ kind: 'new' }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

/** 复制为新版本 / 复制为新产品: the editor, started from the product's current version. */
function FromProduct({ kind, changePath }: { kind: 'new-version' | 'clone' } & Pick<Props, 'changePath'>) {
  const { productId = '' } = useParams();
  const onSubmitted = useSubmitted(changePath);
  const [base, setBase] = useState<{ product: WealthProduct } | { problem: string } | undefined>();
  useEffect(() => {
    fetchWealthProduct(productId).then(
      (detail) => setBase({ product: detail.current }),
      (error: unknown) => setBase({ problem: errorMessage(error) }),
    );
  }, [productId]);
  const title = kind === 'new-version' ? '复制为新版本' : '复制为新产品';
  if (base === undefined) return <PageContainer title={title}><Skeleton active /></PageContainer>;
  if ('problem' in base) return <Result status="warning" title="无法加载该产品" subTitle={base.problem} extra={<Link to="..">返回</Link>} />;
  return (
    <PageContainer title={title} subTitle={`${base.product.name} v${base.product.version}`} onBack={() => history.back()}>
      <WealthEditor key={kind} mode={{ kind, base: base.product }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

function Detail({ canDraft, changePath }: Props) {
  const { productId = '' } = useParams();
  const onSubmitted = useSubmitted(changePath);
  return <WealthDetail key={productId} productId={productId} canDraft={canDraft} changePath={changePath} onSubmitted={onSubmitted} />;
}

export default function WealthFactory({ canDraft, changePath }: Props) {
  return (
    <Routes>
      <Route index element={<WealthList canDraft={canDraft} changePath={changePath} />} />
      <Route path=":productId" element={<Detail canDraft={canDraft} changePath={changePath} />} />
      {canDraft && <Route path="new" element={<NewProduct changePath={changePath} />} />}
      {canDraft && <Route path=":productId/new-version" element={<FromProduct kind="new-version" changePath={changePath} />} />}
      {canDraft && <Route path=":productId/clone" element={<FromProduct kind="clone" changePath={changePath} />} />}
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
