// One callback attempt: POST the body to the URL, under the allow-list's rules.
// - The address actually connected to is checked, not only the name: http.request is given a
//   `lookup` that resolves the name and refuses the attempt if ANY resolved address is private
//   and unlisted (a name that resolves to a mix is refused too). URLs holding an IP literal skip
//   lookup in Node, so those are checked before the request.
// - No redirects: a 3xx is a failed attempt. Connect and total timeouts. At most
//   MAX_RESPONSE_BYTES of the response are read, then the socket is dropped.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { classifyAddress } from './addresses.js';
import { type AllowList, hostOf, urlPort } from './allow-list.js';

export const MAX_RESPONSE_BYTES = 4096;

export interface DeliverOptions {
  allowList: AllowList;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** Name resolution (tests swap it); dns.lookup with all: true by default. */
  resolve?: (host: string, family: number) => Promise<LookupAddress[]>;
}

export type Attempt =
  | { outcome: 'delivered'; status: number }
  /** The receiver answered badly or could not be reached: worth another attempt. */
  | { outcome: 'failed'; status: number | null; error: string }
  /** The URL breaks the allow-list rules: another attempt would be refused the same way. */
  | { outcome: 'refused'; error: string };

class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

const defaultResolve = (host: string, family: number) =>
  new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true, family, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

/** A `lookup` for http.request that refuses private addresses the allow-list does not name. */
export function guardedLookup(o: DeliverOptions, port: number): LookupFunction {
  const resolve = o.resolve ?? defaultResolve;
  return (hostname, options, callback) => {
    resolve(hostname, options.family === 4 || options.family === 6 ? options.family : 0).then(
      (addresses) => {
        const bad = addresses.find((a) => !o.allowList.allowsAddress(a.address, port));
        if (addresses.length === 0)
          return callback(new Error(`${hostname} did not resolve`), '', 0);
        if (bad)
          return callback(
            new RefusedAddress(
              `${hostname} resolves to ${bad.address} (${classifyAddress(bad.address)}), which is not on the allowed callback hosts`,
            ),
            '',
            0,
          );
        if (options.all)
          return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0] as LookupAddress;
        callback(null, first.address, first.family);
      },
      (err: Error) => callback(err as NodeJS.ErrnoException, '', 0),
    );
  };
}

/** POSTs `body` to `url` once. Never throws: every way it can end is an Attempt. */
export function deliver(
  url: URL,
  body: string,
  headers: Record<string, string>,
  o: DeliverOptions,
): Promise<Attempt> {
  const port = urlPort(url);
  const host = hostOf(url);
  if (!o.allowList.allowsHost(host, port))
    return Promise.resolve({
      outcome: 'refused',
      error: `${url.host} is no longer on the allowed callback hosts`,
    });
  if (isIP(host) && !o.allowList.allowsAddress(host, port))
    return Promise.resolve({ outcome: 'refused', error: `${host} is not an allowed address` });

  return new Promise<Attempt>((resolve) => {
    let settled = false;
    const finish = (a: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      clearTimeout(connect);
      req.destroy();
      resolve(a);
    };
    const request = url.protocol === 'https:' ? https.request : http.request;
    const req = request(url, {
      method: 'POST',
      agent: false, // a fresh connection each attempt, so every attempt's address is checked
      lookup: guardedLookup(o, port),
      headers: {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'imajin-video-callback/1',
        ...headers,
      },
    });
    const total = setTimeout(
      () =>
        finish({
          outcome: 'failed',
          status: null,
          error: `no answer within ${o.totalTimeoutMs} ms`,
        }),
      o.totalTimeoutMs,
    );
    const connect = setTimeout(
      () =>
        finish({
          outcome: 'failed',
          status: null,
          error: `could not connect within ${o.connectTimeoutMs} ms`,
        }),
      o.connectTimeoutMs,
    );
    req.on('socket', (socket) => {
      const connected = () => clearTimeout(connect);
      if (!socket.connecting) connected();
      else socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
    });
    req.on('error', (err) =>
      finish(
        err instanceof RefusedAddress
          ? { outcome: 'refused', error: err.message }
          : { outcome: 'failed', status: null, error: describe(err) },
      ),
    );
    req.on('response', (res) => {
      const status = res.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, 200).trim();
        if (status >= 200 && status < 300) return finish({ outcome: 'delivered', status });
        const location = res.headers.location;
        const error =
          status >= 300 && status < 400
            ? `HTTP ${status}: redirects are not followed${location ? ` (Location: ${location.slice(0, 200)})` : ''}`
            : `HTTP ${status}${text ? `: ${text}` : ''}`;
        finish({ outcome: 'failed', status, error });
      };
      res.on('data', (chunk: Buffer) => {
        if (size >= MAX_RESPONSE_BYTES) return;
        chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size));
        size += chunk.length;
        if (size >= MAX_RESPONSE_BYTES) done(); // enough: the rest is never read
      });
      res.on('end', done);
      res.on('error', done);
    });
    req.end(body);
  });
}

function describe(err: Error): string {
  const code = (err as NodeJS.ErrnoException).code;
  return code ? `${code}: ${err.message}` : err.message;
}
