// Base64 decoded as it streams, strictly: standard or URL-safe alphabet, whitespace (MIME line
// wrapping) skipped, `=` padding only at the end, and the length checked at the end (Node's own
// decoder silently skips characters outside the alphabet, which would corrupt a video quietly).
import { BadRequestError } from '../errors/bad-request-error.js';

const INVALID = -1;
const SPACE = -2;
const PAD = -3;

const TABLE = (() => {
  const t = new Int8Array(256).fill(INVALID);
  const std = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < std.length; i++) t[std.charCodeAt(i)] = i;
  t['+'.charCodeAt(0)] = 62;
  t['-'.charCodeAt(0)] = 62;
  t['/'.charCodeAt(0)] = 63;
  t['_'.charCodeAt(0)] = 63;
  for (const c of ' \t\r\n') t[c.charCodeAt(0)] = SPACE;
  t['='.charCodeAt(0)] = PAD;
  return t;
})();

const DATA_URL = /^data:[\w.+-]+\/[\w.+-]+(?:;[\w.+-]+=[\w.+-]+)*;base64,$/;
const DATA_URL_MAX = 256;

export function invalidBase64(): BadRequestError {
  return new BadRequestError('video_base64 is not valid base64');
}

export class Base64Stream {
  private acc = 0;
  private sextets = 0;
  private pads = 0;
  private chars = 0;
  /** The value's first bytes, held until we know whether they are a `data:…;base64,` prefix. */
  private head: number[] | null = [];

  /** Decodes `src[start, end)`; returns the bytes it completes (possibly none). */
  write(src: Uint8Array, start = 0, end = src.length): Buffer {
    let from = start;
    if (this.head) {
      // A data: URL prefix ends at the first ',' within its first 256 bytes.
      while (from < end && this.head.length < DATA_URL_MAX) {
        const c = src[from++] as number;
        this.head.push(c);
        if (c === 0x2c) break;
      }
      const h = this.head;
      const last = h[h.length - 1];
      if (last !== 0x2c && h.length < DATA_URL_MAX) return Buffer.alloc(0); // undecided yet
      this.head = null;
      const text = Buffer.from(h);
      const out = DATA_URL.test(text.toString('latin1'))
        ? Buffer.alloc(0)
        : this.decode(text, 0, h.length);
      return from < end ? Buffer.concat([out, this.decode(src, from, end)]) : out;
    }
    return this.decode(src, from, end);
  }

  /** Ends the value: checks it and returns its last bytes. Throws on bad or empty input. */
  end(): Buffer {
    let out: Buffer = Buffer.alloc(0);
    if (this.head) {
      const h = Buffer.from(this.head);
      this.head = null;
      out = this.decode(h, 0, h.length);
    }
    if (this.chars === 0) {
      throw new BadRequestError(
        'video_base64 is empty: send the video file’s bytes, base64-encoded',
      );
    }
    const n = this.sextets;
    if (n === 1) throw invalidBase64();
    if (this.pads > 0 && (n + this.pads) % 4 !== 0) throw invalidBase64();
    if (n === 2) return Buffer.concat([out, Buffer.from([(this.acc >> 4) & 0xff])]);
    if (n === 3)
      return Buffer.concat([out, Buffer.from([(this.acc >> 10) & 0xff, (this.acc >> 2) & 0xff])]);
    return out;
  }

  private decode(src: Uint8Array, start: number, end: number): Buffer {
    const out = Buffer.allocUnsafe(Math.ceil(((end - start) * 3) / 4) + 3);
    let o = 0;
    let { acc, sextets } = this;
    for (let i = start; i < end; i++) {
      const v = TABLE[src[i] as number] as number;
      if (v >= 0) {
        if (this.pads > 0) throw invalidBase64(); // data after padding
        acc = (acc << 6) | v;
        this.chars++;
        if (++sextets === 4) {
          out[o++] = (acc >> 16) & 0xff;
          out[o++] = (acc >> 8) & 0xff;
          out[o++] = acc & 0xff;
          acc = 0;
          sextets = 0;
        }
      } else if (v === SPACE) {
        // MIME-style line wrapping
      } else if (v === PAD) {
        if (sextets < 2 || ++this.pads > 2) throw invalidBase64();
        this.chars++;
      } else {
        throw invalidBase64();
      }
    }
    this.acc = acc;
    this.sextets = sextets;
    return out.subarray(0, o);
  }
}

/** A whole base64 text (with an optional data: URL prefix) to bytes, by the same rules. */
export function decodeBase64Text(text: string): Buffer {
  const s = new Base64Stream();
  const src = Buffer.from(text, 'utf8');
  const body = s.write(src);
  return Buffer.concat([body, s.end()]);
}
