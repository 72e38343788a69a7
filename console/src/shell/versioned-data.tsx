// Data kept as numbered versions that change under four eyes (风控规则, 名单管理): the version in
// force loaded once per page, and the two notices such a page shows — a version waiting for its
// checker, and the one just submitted — each with the link to its change in 复核中心.
import { Alert } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '@/api/http';
import type { ChangeRequest } from '@/api/types';
import { changePath } from './menu';
import { SubmittedAlert } from './SubmittedAlert';

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'failed'; message: string };

/** What `load` answers, read once when the page opens; a late answer after the page closed is dropped. */
export function useLoaded<T>(load: () => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ kind: 'ready', value }),
      (error: unknown) => live && setState({ kind: 'failed', message: errorMessage(error) }),
    );
    return () => {
      live = false;
    };
  }, [load]);
  return state;
}

interface Props {
  /** The alerts' ids: `${idPrefix}-pending`, `${idPrefix}-submitted`. */
  idPrefix: string;
  versionInForce: number;
  pendingChangeId: string | undefined;
  submitted: ChangeRequest | undefined;
  /** What holds until the checker decides, in the page's words. */
  pendingNote: string;
  submittedNote: string;
}

export function VersionChangeAlerts({ idPrefix, versionInForce, pendingChangeId, submitted, pendingNote, submittedNote }: Props) {
  if (submitted) return <SubmittedAlert id={`${idPrefix}-submitted`} change={submitted} note={submittedNote} />;
  if (!pendingChangeId) return null;
  return (
    <Alert
      id={`${idPrefix}-pending`}
      type="info"
      showIcon
      message={`第 ${versionInForce + 1} 版已提交，待复核`}
      description={pendingNote}
      action={<Link to={changePath(pendingChangeId)}>查看变更</Link>}
    />
  );
}
