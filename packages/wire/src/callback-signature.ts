// Signing and verifying callback POSTs: the server signs, a receiver verifies (@imajin/client
// re-exports verifyCallback). Self-contained (node:crypto only), so a receiver may copy it.
//
//   Imajin-Signature: t=<unix seconds>,v1=<lowercase hex HMAC-SHA256(secret, "<t>.<raw body>")>
//
// The timestamp is inside the signed text, so a captured request cannot be replayed later than
// the receiver's tolerance. The header may carry several v1 values; any one matching any of the
// receiver's secrets verifies (secret rotation on either side).
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Imajin-Signature';
/** `<job_id>:<status>`: the same for every attempt of one delivery, so a receiver can drop repeats. */
export const DELIVERY_HEADER = 'Imajin-Delivery';
/** How far a signature's timestamp may be from the receiver's clock, by default. */
export const DEFAULT_TOLERANCE_SEC = 300;

type Body = string | Uint8Array;

function hmacHex(secret: string, timestampSec: number, body: Body): string {
  return createHmac('sha256', secret)
    .update(`${timestampSec}.`)
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');
}

/** The `Imajin-Signature` value for `body`, signed with `secret` at `timestampSec`. */
export function signCallback(
  body: Body,
  secret: string,
  timestampSec = Math.floor(Date.now() / 1000),
): string {
  if (!secret) throw new Error('signCallback: the secret is empty');
  return `t=${timestampSec},v1=${hmacHex(secret, timestampSec, body)}`;
}

export interface VerifyOptions {
  /** Largest accepted distance between the header's `t` and now, in seconds (default 300). */
  toleranceSec?: number;
  /** "Now", in unix seconds (tests). */
  nowSec?: number;
}

/**
 * True when `header` (the `Imajin-Signature` value) signs `body` — the raw bytes as received,
 * not re-serialized JSON — with one of `secrets`, within `toleranceSec` of now.
 */
export function verifyCallback(
  body: Body,
  header: string | null | undefined,
  secrets: string | readonly string[],
  options: VerifyOptions = {},
): boolean {
  if (!header) return false;
  const keys = (typeof secrets === 'string' ? [secrets] : secrets).filter((s) => s.length > 0);
  if (keys.length === 0) return false;
  let t: number | undefined;
  const given: Buffer[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name === 't' && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (name === 'v1' && /^[0-9a-f]{64}$/.test(value)) given.push(Buffer.from(value, 'hex'));
  }
  if (t === undefined || given.length === 0) return false;
  const now = options.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - t) > (options.toleranceSec ?? DEFAULT_TOLERANCE_SEC)) return false;
  const ts = t;
  return keys.some((secret) => {
    const want = Buffer.from(hmacHex(secret, ts, body), 'hex');
    return given.some((g) => timingSafeEqual(g, want));
  });
}
