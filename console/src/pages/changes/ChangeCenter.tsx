// 复核中心's pages under /changes: the inbox and one change. Loaded on demand by the shell.
import { Route, Routes, useParams } from 'react-router';
import { Result } from 'antd';
import type { OperatorView } from '@/api/types';
import { ChangeDetail } from './ChangeDetail';
import { ChangesInbox } from './ChangesInbox';

function Detail({ operator }: { operator: OperatorView }) {
  const { changeId = '' } = useParams();
  return <ChangeDetail key={changeId} changeId={changeId} operator={operator} />;
}

export default function ChangeCenter({ operator }: { operator: OperatorView }) {
  return (
    <Routes>
      <Route index element={<ChangesInbox />} />
      <Route path=":changeId" element={<Detail operator={operator} />} />
      <Route path="*" element={<Result status="404" title="页面不存在" />} />
    </Routes>
  );
}
