// CALLBACK_ALLOWED_HOSTS: where callbacks may go. Entries, comma-separated:
//   host           that exact name, any port          (hooks.example.com)
//   host:port      that name on that port only        (ingester.internal:8443)
//   *.domain[:p]   any name under domain, not domain itself (*.example.com)
//   IP[:port]      that address; IPv6 in brackets when a port follows ([fd00::5]:80)
// A URL is checked twice: its host against the entries at submit (and again before each
// attempt), and at delivery every address its name resolves to (deliver.ts): a public address
// passes, a private one (addresses.ts) only when it is itself listed as an IP entry.
import { isIP } from 'node:net';
import { classifyAddress, embeddedIPv4, normalizeIp } from './addresses.js';

interface Entry {
  /** A lower-case name, a normalized IP, or the domain a `*.` entry covers. */
  host: string;
  wildcard: boolean;
  ip: boolean;
  port: number | null;
}

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: string };

const DEFAULT_PORT: Record<string, number> = { 'http:': 80, 'https:': 443 };
export const MAX_CALLBACK_URL_LENGTH = 2048;

function parseEntry(raw: string): Entry {
  let host = raw.trim().toLowerCase();
  let port: number | null = null;
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(host);
  if (bracketed?.[1]) {
    host = bracketed[1];
    port = bracketed[2] ? Number(bracketed[2]) : null;
  } else if (isIP(host) !== 6) {
    const m = /^(.+):(\d+)$/.exec(host);
    if (m?.[1] && m[2]) {
      host = m[1];
      port = Number(m[2]);
    }
  }
  if (port !== null && (port < 1 || port > 65535)) throw new Error(`bad port in ${raw}`);
  const wildcard = host.startsWith('*.');
  if (wildcard) host = host.slice(2);
  const ip = !wildcard && isIP(normalizeIp(host)) !== 0;
  if (ip) host = normalizeIp(host);
  else if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host))
    throw new Error(`not a host name, *.domain or IP address: ${JSON.stringify(raw)}`);
  return { host, wildcard, ip, port };
}

/** The same address, however it is written (::ffff:127.0.0.1 and 127.0.0.1 are one). */
function sameIp(a: string, b: string): boolean {
  const canon = (ip: string) => {
    const n = normalizeIp(ip);
    return isIP(n) === 6 ? (embeddedIPv4(n) ?? expandV6(n)) : n;
  };
  return canon(a) === canon(b);
}

function expandV6(ip: string): string {
  const [head = '', tail = ''] = ip.split('::');
  const h = head ? head.split(':') : [];
  const t = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':');
}

export class AllowList {
  private readonly entries: Entry[];

  /** Throws on an entry that is not a host, `*.domain` or IP (with an optional port). */
  constructor(spec: string) {
    this.entries = spec
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map(parseEntry);
  }

  get size(): number {
    return this.entries.length;
  }

  /** Whether host (a name or an IP) on port matches an entry. */
  allowsHost(host: string, port: number): boolean {
    const h = host.toLowerCase().replace(/\.$/, '');
    const hostIsIp = isIP(normalizeIp(h)) !== 0;
    return this.entries.some((e) => {
      if (e.port !== null && e.port !== port) return false;
      if (e.ip) return hostIsIp && sameIp(e.host, h);
      if (hostIsIp) return false;
      return e.wildcard ? h.endsWith(`.${e.host}`) : h === e.host;
    });
  }

  /**
   * Whether a connection to `address` (what a name resolved to) on `port` may be made: a
   * public address may; a private one only when listed as an IP entry.
   */
  allowsAddress(address: string, port: number): boolean {
    if (classifyAddress(address) === 'public') return true;
    return this.entries.some(
      (e) => e.ip && (e.port === null || e.port === port) && sameIp(e.host, address),
    );
  }

  /** A callback_url as submitted: http(s), not too long, its host[:port] listed. */
  checkUrl(raw: string): UrlCheck {
    if (raw.length > MAX_CALLBACK_URL_LENGTH)
      return {
        ok: false,
        reason: `callback_url is longer than ${MAX_CALLBACK_URL_LENGTH} characters`,
      };
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { ok: false, reason: 'callback_url is not an absolute URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return {
        ok: false,
        reason: `callback_url must be http or https, not ${url.protocol.slice(0, -1)}`,
      };
    if (url.username || url.password)
      return { ok: false, reason: 'callback_url must not carry a user name or password' };
    const port = urlPort(url);
    const host = hostOf(url);
    if (!this.allowsHost(host, port))
      return {
        ok: false,
        reason:
          this.size === 0
            ? 'callback_url is refused: no callback hosts are allowed (CALLBACK_ALLOWED_HOSTS is empty)'
            : `callback_url is refused: ${url.host} is not on the allowed callback hosts (CALLBACK_ALLOWED_HOSTS)`,
      };
    return { ok: true, url };
  }
}

/** The URL's port, or its scheme's default. */
export function urlPort(url: URL): number {
  return url.port ? Number(url.port) : (DEFAULT_PORT[url.protocol] ?? 0);
}

/** The URL's host without IPv6 brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}
