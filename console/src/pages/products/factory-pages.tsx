// What the product factory's sections (loan products, wealth products, billers) share: where a
// submitted change is reviewed, what submitting does, and an editor page that starts from a
// record read first (a new version, a clone, a change to a biller).
import { PageContainer } from '@ant-design/pro-components';
import { App as AntApp, Result, Skeleton } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { changePath } from '@/shell/menu';

/** The change's page in 复核中心. */
export { changePath };

/** Submitting a draft: says so, and opens the change it became. */
export function useSubmitted(): (change: ChangeRequest) => void {
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  return (change) => {
    void message.success(`已提交复核：${change.entityLabel}`);
    navigate(changePath(change.changeId));
  };
}

interface LoadedEditorProps<T> {
  title: string;
  /** The route parameter naming the record. */
  param: string;
  /** Reads the record's detail; the editor starts from its current version. */
  load(id: string): Promise<{ current: T }>;
  problemTitle: string;
  subTitle(base: T): string;
  children(base: T): ReactNode;
}

/** An editor page started from the record the route names: a skeleton while it loads, the
 *  server's words if it cannot. */
export function LoadedEditorPage<T>({ title, param, load, problemTitle, subTitle, children }: LoadedEditorProps<T>) {
  const id = useParams()[param] ?? '';
  const [base, setBase] = useState<{ record: T } | { problem: string } | undefined>();
  useEffect(() => {
    load(id).then(
      (detail) => setBase({ record: detail.current }),
      (error: unknown) => setBase({ problem: errorMessage(error) }),
    );
  }, [id, load]);
  if (base === undefined)
    return (
      <PageContainer title={title}>
        <Skeleton active />
      </PageContainer>
    );
  if ('problem' in base) return <Result status="warning" title={problemTitle} subTitle={base.problem} extra={<Link to="..">返回</Link>} />;
  return (
    <PageContainer title={title} subTitle={subTitle(base.record)} onBack={() => history.back()}>
      {children(base.record)}
    </PageContainer>
  );
}
