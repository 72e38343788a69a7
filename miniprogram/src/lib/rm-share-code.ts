// The share code a launch carries (relationship managers): `rm=<code>` from a share card, or a QR's
// `scene`, which WeChat hands the page URL-encoded (`r%3D<code>`). Pure, so it is unit-tested
// against the server's own scene format (test/unit/rm-share-code.test.ts).
const CODE = /^[0-9A-Za-z]{8,10}$/;

export function shareCodeOf(query: Record<string, unknown> | undefined): string | undefined {
  const rm = query?.rm;
  if (typeof rm === 'string' && CODE.test(rm)) return rm;
  const scene = query?.scene;
  if (typeof scene !== 'string') return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return undefined;
  }
  return /^r=([0-9A-Za-z]{8,10})$/.exec(decoded)?.[1];
}
