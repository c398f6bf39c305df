// Request bodies, read as a stream against a byte limit: a declared Content-Length over the
// limit is refused before reading, and a chunked body is cut off the moment it passes the
// limit, so a 600 MB upload is never buffered just to be told 413. The rest of the body is
// left unread (the Node adapter drains or closes the connection after the response).
import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { formatBytes } from '../units.js';

export type ChunkSink = (chunk: Uint8Array) => Promise<void> | void;

function tooLarge(limit: number, what: string): PayloadTooLargeError {
  return new PayloadTooLargeError(`${what} is over the ${formatBytes(limit)} limit`);
}

/** Checks the declared length; returns it (0 when not declared). */
export function declaredLength(req: Request, limit: number, what: string): number {
  const header = req.headers.get('content-length');
  const n = header === null ? 0 : Number(header);
  if (Number.isFinite(n) && n > limit) throw tooLarge(limit, what);
  return Number.isFinite(n) ? n : 0;
}

/** Feeds the body to `sink` chunk by chunk; returns the byte count. */
export async function streamBody(
  req: Request,
  limit: number,
  what: string,
  sink: ChunkSink,
): Promise<number> {
  declaredLength(req, limit, what);
  if (!req.body) return 0;
  const reader = req.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limit) throw tooLarge(limit, what);
      await sink(value);
    }
  } finally {
    reader.releaseLock();
  }
}

/** The whole body in memory (for JSON and sync uploads, whose limits are smaller). */
export async function readBody(req: Request, limit: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const total = await streamBody(req, limit, what, (c) => {
    chunks.push(c);
  });
  return Buffer.concat(chunks, total);
}
