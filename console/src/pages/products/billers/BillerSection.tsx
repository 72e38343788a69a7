// 产品工厂 → 缴费机构 under /products/billers: the list, a biller, and the editor (new, or a change
// to one). Every submission is a change for a second product manager.
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Route, Routes, useNavigate, useParams } from 'react-router';
import { type Biller, fetchBiller } from '@/api/billers';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { BillerDetail } from './BillerDetail';
import { BillerEditor } from './BillerEditor';
import { BillerList } from './BillerList';

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

function NewBiller({ changePath }: Pick<Props, 'changePath'>) {
  const onSubmitted = useSubmitted(changePath);
  return (
    <PageContainer title="新增缴费机构" onBack={() => history.back()}>
      <BillerEditor mode={{ kind: 'new' }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

function EditBiller({ changePath }: Pick<Props, 'changePath'>) {
  const { billerId = '' } = useParams();
  const onSubmitted = useSubmitted(changePath);
  const [base, setBase] = useState<{ biller: Biller } | { problem: string } | undefined>();
  useEffect(() => {
    fetchBiller(billerId).then(
      (detail) => setBase({ biller: detail.current }),
      (error: unknown) => setBase({ problem: errorMessage(error) }),
    );
  }, [billerId]);
  if (base === undefined) return <PageContainer title="修改缴费机构"><Skeleton active /></PageContainer>;
  if ('problem' in base) return <Result status="warning" title="无法加载该缴费机构" subTitle={base.problem} extra={<Link to="..">返回</Link>} />;
  return (
    <PageContainer title="修改缴费机构" subTitle={base.biller.name} onBack={() => history.back()}>
      <BillerEditor mode={{ kind: 'edit', base: base.biller }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

function Detail({ canDraft, changePath }: Props) {
  const { billerId = '' } = useParams();
  const onSubmitted = useSubmitted(changePath);
  return <BillerDetail key={billerId} billerId={billerId} canDraft={canDraft} changePath={changePath} onSubmitted={onSubmitted} />;
}

export function BillerSection({ canDraft, changePath }: Props) {
  return (
    <Routes>
      <Route index element={<BillerList canDraft={canDraft} changePath={changePath} />} />
      <Route path=":billerId" element={<Detail canDraft={canDraft} changePath={changePath} />} />
      {canDraft && <Route path="new" element={<NewBiller changePath={changePath} />} />}
      {canDraft && <Route path=":billerId/edit" element={<EditBiller changePath={changePath} />} />}
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
