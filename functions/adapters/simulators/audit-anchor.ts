// Audit anchors in a local folder (local stage and tests; see ../simulated.ts): one read-only file
// per anchor, created only if its name is new, never overwritten — the folder stands in for S3
// Object Lock's write-once objects.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANCHOR_NAME, AuditAnchor, anchorName, anchorText, type AuditAnchors } from '../real/audit-anchor.js';

const errorCode = (error: unknown) => (error as { code?: string }).code;

export function folderAuditAnchors(dir: string): AuditAnchors {
  const read = async (name: string) => AuditAnchor.parse(JSON.parse(await readFile(join(dir, name), 'utf8')));
  return {
    async put(anchor) {
      await mkdir(dir, { recursive: true });
      const name = anchorName(anchor.seq);
      try {
        await writeFile(join(dir, name), anchorText(anchor), { flag: 'wx', mode: 0o444 });
        return { written: true };
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw error;
        return { written: false, existing: await read(name) };
      }
    },
    async latest() {
      const names = await readdir(dir).catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return [];
        throw error;
      });
      const newest = names.filter((name) => ANCHOR_NAME.test(name)).sort()[0];
      return newest ? read(newest) : undefined;
    },
  };
}
