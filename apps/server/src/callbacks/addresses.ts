// Which IP addresses are "private" for callbacks: anything that is not a public unicast
// address. A callback may reach one only when the operator lists it (allow-list.ts), so a
// callback_url cannot be pointed at the service's own host or network by a name that resolves
// there (DNS rebinding) or by an address written in the URL.
import { BlockList, isIP } from 'node:net';

const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'unspecified'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'private'], // carrier-grade NAT
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'], // cloud metadata lives here
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'reserved'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'reserved'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'], // and 255.255.255.255
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fc00::', 7, 'ipv6', 'unique-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
  ['100::', 64, 'ipv6', 'reserved'], // discard-only
  ['2001:db8::', 32, 'ipv6', 'reserved'], // documentation
];

const lists = new Map<string, BlockList>();
for (const [net, prefix, type, kind] of RANGES) {
  const list = lists.get(kind) ?? new BlockList();
  lists.set(kind, list);
  list.addSubnet(net, prefix, type);
}

export type AddressKind =
  | 'public'
  | 'unspecified'
  | 'private'
  | 'loopback'
  | 'link-local'
  | 'unique-local'
  | 'multicast'
  | 'reserved';

/**
 * An IPv6 address that carries an IPv4 one (::ffff:a.b.c.d, the NAT64 64:ff9b::/96, the
 * deprecated ::a.b.c.d) as that IPv4 address, so it is judged by where it really goes.
 */
export function embeddedIPv4(ip: string): string | null {
  const m = /^(?:::ffff:(?:0:)?|64:ff9b::|::)(.+)$/i.exec(ip);
  if (!m?.[1]) return null;
  const rest = m[1];
  if (isIP(rest) === 4) return rest;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(rest);
  if (!hex?.[1] || !hex[2]) return null;
  const hi = Number.parseInt(hex[1], 16);
  const lo = Number.parseInt(hex[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** Strips IPv6 brackets and a zone (`%eth0`); lower-cases. */
export function normalizeIp(ip: string): string {
  return ip
    .replace(/^\[|\]$/g, '')
    .replace(/%.*$/, '')
    .toLowerCase();
}

/** What kind of address `ip` is; throws when it is not an IP address. */
export function classifyAddress(raw: string): AddressKind {
  const ip = normalizeIp(raw);
  const family = isIP(ip);
  if (family === 0) throw new Error(`not an IP address: ${JSON.stringify(raw)}`);
  const v4 = family === 6 ? embeddedIPv4(ip) : null;
  const addr = v4 ?? ip;
  const type = v4 || family === 4 ? 'ipv4' : 'ipv6';
  for (const [kind, list] of lists) if (list.check(addr, type)) return kind as AddressKind;
  return 'public';
}
