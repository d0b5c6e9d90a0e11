import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const BLOCKED = new BlockList();
for (const [net, bits] of [
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
  BLOCKED.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  BLOCKED.addSubnet(net, bits, 'ipv6');
}

/** Loopback, private, link-local, shared, multicast, documentation or unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
    return BLOCKED.check(address, 'ipv6');
  }
  return true;
}

/** Why a URL may not be a webhook target, or null when it may (name resolution is checked on each request). */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的网址';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '仅支持 http 或 https 地址';
  if (url.username || url.password) return '网址中不能包含用户名或密码';
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that refuses to connect to private addresses, so a name that
 * resolves (or later re-resolves) to the internal network is never called.
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: object, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses;
      const bad = list.find((a) => isPrivateAddress(a.address));
      if (!allowPrivate && bad) {
        const e: NodeJS.ErrnoException = new Error(`目标地址 ${bad.address} 属于本机或内网，不允许投递`);
        e.code = 'EPRIVATE';
        return callback(e, []);
      }
      if ((options as { all?: boolean }).all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };
}

/** Resolves the host and refuses private targets (at registration). */
export async function assertPublicTarget(raw: string, allowPrivate: boolean): Promise<string | null> {
  const problem = urlProblem(raw);
  if (problem) return problem;
  if (allowPrivate) return null;
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host) ? '目标地址属于本机或内网' : null;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return '目标地址属于本机或内网';
  const addresses = await new Promise<LookupAddress[]>((resolve) => dnsLookup(host, { all: true }, (err, a) => resolve(err ? [] : a)));
  if (addresses.length === 0) return '无法解析该域名';
  return addresses.some((a) => isPrivateAddress(a.address)) ? '目标地址属于本机或内网' : null;
}
