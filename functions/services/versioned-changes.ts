// Data kept as whole numbered versions that change under four eyes (the anti-fraud rules, the
// watch lists): the version in force with the change waiting on it, and a new version submitted
// as a change — numbered the one in force + 1, and not the same content again.
import type { ChangeKind, ChangeRequest } from '../domain/change-requests.js';
import { refuse } from '../domain/errors.js';
import { pendingChangeIds, submitChange } from './change-requests.js';
import type { ConsoleOperator } from './operators.js';

interface Versioned {
  version: number;
}

/** What the versions are of: the change kind and entity, the change's field that holds the
 *  whole version, and its name in the refusals and the change's label (风控规则). */
export interface VersionedSubject {
  kind: ChangeKind;
  entityId: string;
  field: string;
  name: string;
  /** The 409 code when the new version is not numbered the one in force + 1. */
  versionCode: string;
}

/** The version in force, and the change waiting on it, if any. */
export async function inForceWithPending<T>(subject: VersionedSubject, read: () => Promise<T>): Promise<{ inForce: T; pendingChangeId: string | undefined }> {
  const [inForce, pending] = await Promise.all([read(), pendingChangeIds([subject.entityId])]);
  return { inForce, pendingChangeId: pending.get(subject.entityId) };
}

/** Submits `proposed` for a checker. `contentOf` is what must differ from the version in force:
 *  the version number alone is no change. */
export async function submitNextVersion<T extends Versioned>(
  subject: VersionedSubject,
  current: T,
  proposed: T,
  contentOf: (version: T) => unknown,
  maker: ConsoleOperator,
  now: Date,
): Promise<ChangeRequest> {
  if (proposed.version !== current.version + 1) {
    return refuse('conflict', subject.versionCode, `${subject.name}当前为第 ${current.version} 版，新版本应为第 ${current.version + 1} 版，请刷新后重新起草`);
  }
  if (JSON.stringify(contentOf(proposed)) === JSON.stringify(contentOf(current))) return refuse('invalid', 'CHANGE_EMPTY', '变更内容与当前一致，无需提交');
  return submitChange({
    kind: subject.kind,
    entityId: subject.entityId,
    entityLabel: `${subject.name} 第 ${proposed.version} 版`,
    before: { [subject.field]: current },
    after: { [subject.field]: proposed },
    maker,
    now,
  });
}
