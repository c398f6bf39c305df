// A JSON classify body read as it streams: the top-level `video_base64` string is decoded
// on the fly and handed to a sink chunk by chunk (so a 300 MB body never sits in memory as
// bytes, a string and a decoded copy at once); every other field is kept as JSON text (with
// the video replaced by "") and parsed at the end. Structural characters are ASCII, so the
// scan runs on bytes; the video's string may use the JSON escapes `\/`, `\n`, `\r`, `\t` and
// `\uXXXX` (for an ASCII character) — nothing else can spell base64.
import { BadRequestError } from '../errors/bad-request-error.js';
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { formatBytes } from '../units.js';
import { Base64Stream, invalidBase64 } from './base64-stream.js';
import { streamBody } from './body.js';

/** The fields other than the video: options and a rubric pin, small by nature. */
export const MAX_JSON_FIELDS_BYTES = 1024 * 1024;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export type VideoSink = (bytes: Buffer) => Promise<void> | void;

export class JsonVideoScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  private expectingKey = false;
  private afterColon = false;
  private key: number[] | null = null;
  private lastKey = '';
  private started = false;
  private video: Base64Stream | null = null;
  private videoSeen = false;
  /** In the video: the escape being read (`\` then up to 5 characters), or null. */
  private videoEscape: number[] | null = null;
  private rest: Buffer[] = [];
  private restBytes = 0;
  /** Decoded bytes handed to the sink so far. */
  videoBytes = 0;

  constructor(private readonly sink: VideoSink) {}

  async write(chunk: Uint8Array): Promise<void> {
    const out: Buffer[] = [];
    let i = 0;
    let restFrom = 0;
    let nextQuote = -2;
    let nextBackslash = -2;
    const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    while (i < buf.length) {
      if (this.video) {
        if (this.videoEscape) {
          this.videoEscape.push(buf[i++] as number);
          this.takeEscape(out);
          continue;
        }
        if (nextQuote < i && nextQuote !== -1) nextQuote = buf.indexOf(QUOTE, i);
        if (nextBackslash < i && nextBackslash !== -1) nextBackslash = buf.indexOf(BACKSLASH, i);
        const q = nextQuote === -1 ? buf.length : nextQuote;
        const b = nextBackslash === -1 ? buf.length : nextBackslash;
        const stop = Math.min(q, b);
        if (stop > i) out.push(this.video.write(buf, i, stop));
        i = stop;
        if (i === buf.length) break;
        if (i === b) {
          this.videoEscape = [];
          i++;
          continue;
        }
        out.push(this.video.end());
        this.video = null;
        restFrom = i; // the closing quote goes to the rest, and is not scanned again
        i++;
        continue;
      }
      this.scan(buf[i] as number);
      i++;
      if (this.video) {
        this.keep(buf.subarray(restFrom, i)); // up to and including the opening quote
        restFrom = -1;
      }
    }
    if (restFrom >= 0 && !this.video) this.keep(buf.subarray(restFrom, buf.length));
    let bytes = 0;
    for (const b of out) bytes += b.length;
    if (bytes > 0) {
      this.videoBytes += bytes;
      await this.sink(out.length === 1 ? (out[0] as Buffer) : Buffer.concat(out, bytes));
    }
  }

  /** The body ended: returns the parsed fields (video_base64 is "" when it was sent). */
  end(): unknown {
    if (this.video) throw new BadRequestError('malformed JSON: the body ends inside video_base64');
    const text = Buffer.concat(this.rest, this.restBytes).toString('utf8');
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new BadRequestError(`malformed JSON: ${(err as Error).message}`);
    }
  }

  private keep(part: Buffer): void {
    if (part.length === 0) return;
    this.restBytes += part.length;
    if (this.restBytes > MAX_JSON_FIELDS_BYTES) {
      throw new PayloadTooLargeError(
        `the JSON fields other than video_base64 are over the ${formatBytes(MAX_JSON_FIELDS_BYTES)} limit`,
      );
    }
    this.rest.push(Buffer.from(part)); // a copy: the chunk's memory is not ours to keep
  }

  /** One byte outside the video's string: tracks where a top-level key and its value are. */
  private scan(c: number): void {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) {
        this.inString = false;
        if (this.key) {
          this.lastKey = this.keyText();
          this.key = null;
        }
        return;
      }
      if (this.key && this.key.length < 256) this.key.push(c);
      return;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return;
    if (!this.started) {
      this.started = true;
      if (c !== 0x7b) throw new BadRequestError('invalid request: the body must be a JSON object');
    }
    if (c === QUOTE) {
      this.inString = true;
      if (this.depth === 1 && this.expectingKey) {
        this.key = [];
        this.expectingKey = false;
      } else if (this.depth === 1 && this.afterColon && this.lastKey === 'video_base64') {
        if (this.videoSeen)
          throw new BadRequestError('invalid request: video_base64 appears twice');
        this.videoSeen = true;
        this.inString = false;
        this.video = new Base64Stream();
      }
      this.afterColon = false;
      return;
    }
    if (c === 0x7b || c === 0x5b) {
      this.depth++;
      this.expectingKey = this.depth === 1 && c === 0x7b;
    } else if (c === 0x7d || c === 0x5d) this.depth--;
    else if (c === 0x2c && this.depth === 1) this.expectingKey = true;
    else if (c === 0x3a && this.depth === 1) {
      this.afterColon = true;
      return;
    }
    this.afterColon = false;
  }

  private keyText(): string {
    try {
      return JSON.parse(`"${Buffer.from(this.key ?? []).toString('utf8')}"`) as string;
    } catch {
      return '';
    }
  }

  /** An escape inside the video's string, once complete. */
  private takeEscape(out: Buffer[]): void {
    const e = this.videoEscape as number[];
    const kind = e[0];
    let char: number;
    if (kind === 0x75) {
      if (e.length < 5) return; // \uXXXX still arriving
      const code = Number.parseInt(String.fromCharCode(...e.slice(1)), 16);
      if (!Number.isInteger(code) || code > 0x7f) throw invalidBase64();
      char = code;
    } else if (kind === 0x2f)
      char = 0x2f; // \/
    else if (kind === 0x6e || kind === 0x72 || kind === 0x74)
      char = 0x20; // \n \r \t: wrapping
    else throw invalidBase64();
    this.videoEscape = null;
    out.push((this.video as Base64Stream).write(Buffer.from([char])));
  }
}

/**
 * Streams a JSON body (against `limit`) through a scanner; the video's decoded bytes go to
 * `sink` as they arrive. Returns the other fields, parsed, and the video's byte count.
 */
export async function readJsonVideo(
  req: Request,
  limit: number,
  sink: VideoSink,
): Promise<{ fields: unknown; videoBytes: number }> {
  const scanner = new JsonVideoScanner(sink);
  await streamBody(req, limit, 'the JSON body', (chunk) => scanner.write(chunk));
  return { fields: scanner.end(), videoBytes: scanner.videoBytes };
}
