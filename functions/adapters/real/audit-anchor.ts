// Where the audit log's head is anchored outside the table (services/audit.ts anchors it at every
// day close): write-once storage, so that whoever can write the table cannot also move the anchor.
// Its interface, and the real one: an S3 bucket with Object Lock, each anchor locked in COMPLIANCE
// mode, written only if its key is new (If-None-Match: *).
import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod/mini';
import { lazySchema } from '../../domain/lazy-schema.js';

export const AuditAnchor = /* @__PURE__ */ lazySchema(() =>
  z.object({
    seq: z.int().check(z.minimum(1)),
    macHex: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
    at: z.iso.datetime(),
  }),
);
export type AuditAnchor = z.infer<typeof AuditAnchor>;

/** Anchors are never replaced: a second write for the same seq leaves the first and returns it. */
export type AnchorWrite = { written: true } | { written: false; existing: AuditAnchor };

export interface AuditAnchors {
  put(anchor: AuditAnchor): Promise<AnchorWrite>;
  /** The anchor of the highest seq, if any. */
  latest(): Promise<AuditAnchor | undefined>;
}

const SEQ_DIGITS = 12;
const INVERTED_FROM = 10 ** SEQ_DIGITS;

/** An anchor's name: its seq counted down from 10^12, so that names in ascending order (S3 lists
 *  no other way) start with the newest. */
export function anchorName(seq: number): string {
  return `${String(INVERTED_FROM - seq).padStart(SEQ_DIGITS, '0')}.json`;
}
export const ANCHOR_NAME = /^\d{12}\.json$/;

export const anchorText = (anchor: AuditAnchor) => `${JSON.stringify({ seq: anchor.seq, macHex: anchor.macHex, at: anchor.at })}\n`;

export function s3AuditAnchors(options: { bucket: string; prefix: string; retentionDays: number }): AuditAnchors {
  const s3 = new S3Client({});
  const { bucket, prefix, retentionDays } = options;
  const read = async (key: string) => {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return AuditAnchor.parse(JSON.parse(await object.Body!.transformToString()));
  };
  return {
    async put(anchor) {
      const key = `${prefix}/${anchorName(anchor.seq)}`;
      try {
        await s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: key,
            Body: anchorText(anchor),
            ContentType: 'application/json',
            IfNoneMatch: '*',
            ObjectLockMode: 'COMPLIANCE',
            ObjectLockRetainUntilDate: new Date(Date.parse(anchor.at) + retentionDays * 86_400_000),
            ChecksumAlgorithm: 'SHA256',
          }),
        );
        return { written: true };
      } catch (error) {
        if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 412) throw error;
        return { written: false, existing: await read(key) };
      }
    },
    async latest() {
      const { Contents } = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}/`, MaxKeys: 1 }));
      const key = Contents?.[0]?.Key;
      return key ? read(key) : undefined;
    },
  };
}
