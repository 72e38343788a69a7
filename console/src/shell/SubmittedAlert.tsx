// The notice a page shows once a maker's draft has gone to a checker: the change's name, what holds
// until it is decided, and the link to it in 复核中心.
import { Alert } from 'antd';
import { Link } from 'react-router';
import type { ChangeRequest } from '@/api/types';
import { changePath } from './menu';

export function SubmittedAlert({ id, change, note }: { id: string; change: ChangeRequest; note: string }) {
  return (
    <Alert
      id={id}
      type="success"
      showIcon
      style={{ marginBottom: 16 }}
      message={`已提交复核：${change.entityLabel}`}
      description={note}
      action={<Link to={changePath(change.changeId)}>查看变更</Link>}
    />
  );
}
