// Where a partner's events may be delivered. A webhook URL is a request the bank's own servers make
// on a partner's say-so, so it must never reach the bank's inside (SSRF): https only, no
// credentials in it, and no host that names a private, loopback, link-local, shared or reserved
// address. Only the local stage may name a loopback http URL, for the partner simulator. What a
// name resolves to is checked again at each delivery (the name could be re-pointed after this).
import { BlockList, isIP } from 'node:net';

// Two lists: Node's BlockList would match an IPv4 address against an IPv6 rule for the mapped
// range (::ffff:0:0/96), refusing every public IPv4 address.
const NON_PUBLIC_V4 = new BlockList();
const NON_PUBLIC_V6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  NON_PUBLIC_V4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  NON_PUBLIC_V6.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is one the public internet routes to a partner. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NON_PUBLIC_V4.check(address, 'ipv4');
  // An IPv4-mapped address (::ffff:a.b.c.d) is an IPv4 address in disguise: never a webhook's host.
  return family === 6 && !/^::ffff:/i.test(address) && !NON_PUBLIC_V6.check(address, 'ipv6');
}

const isLoopbackHost = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** Why a webhook URL is refused, in the operator's words; undefined when it may be registered. */
export function webhookUrlProblem(raw: string, allowLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址';
  }
  if (url.username || url.password) return '网址中不能包含用户名或密码';
  const host = url.hostname.toLowerCase();
  if (allowLoopback && url.protocol === 'http:' && isLoopbackHost(host)) return undefined;
  if (url.protocol !== 'https:') return '须为 https 地址';
  const literal = host.startsWith('[') ? host.slice(1, -1) : host;
  if (isIP(literal) !== 0) return isPublicAddress(literal) ? undefined : '不能指向内网、本机或保留地址';
  if (isLoopbackHost(host) || !host.includes('.') || /\.(local|localhost|internal|intranet|lan|home\.arpa)$/.test(host)) return '不能指向内网或本机域名';
  return undefined;
}
