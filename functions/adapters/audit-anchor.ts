// Where the audit log's head is anchored: S3 with Object Lock (real/audit-anchor.ts), or a local
// folder when AUDIT_ANCHOR_MODE=simulator in a build that carries simulators (simulated.ts). Each
// table's anchors are apart (a prefix or a folder of its name).
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { config } from '../config.js';
import { type AuditAnchors, s3AuditAnchors } from './real/audit-anchor.js';
import { auditAnchorSimulator, simulated } from './simulated.js';

export type { AnchorWrite, AuditAnchor, AuditAnchors } from './real/audit-anchor.js';

export function auditAnchors(): AuditAnchors {
  const { AUDIT_ANCHOR_MODE, AUDIT_ANCHOR_DIR, AUDIT_ANCHOR_BUCKET, AUDIT_ANCHOR_RETENTION_DAYS, TABLE_NAME } = config();
  if (AUDIT_ANCHOR_MODE === 'simulator') {
    const dir = resolve(AUDIT_ANCHOR_DIR ?? join(tmpdir(), 'jinlin-audit-anchors'), TABLE_NAME);
    return simulated(auditAnchorSimulator, (simulator) => simulator.folderAuditAnchors(dir), { put: true, latest: true });
  }
  if (!AUDIT_ANCHOR_BUCKET) throw new Error('AUDIT_ANCHOR_BUCKET is required when AUDIT_ANCHOR_MODE=real');
  return s3AuditAnchors({ bucket: AUDIT_ANCHOR_BUCKET, prefix: `audit-anchors/${TABLE_NAME}`, retentionDays: AUDIT_ANCHOR_RETENTION_DAYS });
}
