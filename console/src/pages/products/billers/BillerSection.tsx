// 产品工厂 → 缴费机构 under /products/billers: the list, a biller, and the editor (new, or a change
// to one). Every submission is a change for a second product manager.
import { PageContainer } from '@ant-design/pro-components';
import { Result } from 'antd';
import { Route, Routes, useParams } from 'react-router';
import { fetchBiller } from '@/api/billers';
import { changePath, LoadedEditorPage, useSubmitted } from '../factory-pages';
import { BillerDetail } from './BillerDetail';
import { BillerEditor } from './BillerEditor';
import { BillerList } from './BillerList';

function NewBiller() {
  const onSubmitted = useSubmitted();
  return (
    <PageContainer title="新增缴费机构" onBack={() => history.back()}>
      <BillerEditor mode={{ kind: 'new' }} onSubmitted={onSubmitted} />
    </PageContainer>
  );
}

function EditBiller() {
  const onSubmitted = useSubmitted();
  return (
    <LoadedEditorPage title="修改缴费机构" param="billerId" load={fetchBiller} problemTitle="无法加载该缴费机构" subTitle={(biller) => biller.name}>
      {(biller) => <BillerEditor mode={{ kind: 'edit', base: biller }} onSubmitted={onSubmitted} />}
    </LoadedEditorPage>
  );
}

function Detail({ canDraft }: { canDraft: boolean }) {
  const { billerId = '' } = useParams();
  const onSubmitted = useSubmitted();
  return <BillerDetail key={billerId} billerId={billerId} canDraft={canDraft} changePath={changePath} onSubmitted={onSubmitted} />;
}

export function BillerSection({ canDraft }: { canDraft: boolean }) {
  return (
    <Routes>
      <Route index element={<BillerList canDraft={canDraft} changePath={changePath} />} />
      <Route path=":billerId" element={<Detail canDraft={canDraft} />} />
      {canDraft && <Route path="new" element={<NewBiller />} />}
      {canDraft && <Route path=":billerId/edit" element={<EditBiller />} />}
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
