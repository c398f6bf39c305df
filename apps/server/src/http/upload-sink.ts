// Where an upload's bytes go as they arrive, whichever way they came (raw or decoded from
// base64): hashed, appended to the video store, and counted against the queue's byte budget
// (in 1 MiB steps), so a chunked body that declared no length is refused with 503 as soon as
// it would overfill the budget rather than after it has been stored.
import { createHash } from 'node:crypto';
import { OverloadedError } from '../errors/overloaded-error.js';
import type { Services } from '../services.js';
import { formatBytes } from '../units.js';

const RESERVE_STEP = 1024 * 1024;

export interface UploadSink {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes and settles the count; returns the byte count and the SHA-256. */
  end(): Promise<{ bytes: number; sha256: string }>;
  /** Deletes what was stored and releases what was counted (on any failure). */
  discard(): Promise<void>;
}

export function uploadSink(s: Services, id: string): UploadSink {
  const hash = createHash('sha256');
  const writer = s.videos.writer(id);
  const { maxBytes, retryAfterSec } = s.config.backpressure;
  let uncounted = 0;
  const count = async () => {
    if (uncounted === 0) return;
    const n = uncounted;
    uncounted = 0;
    if (!(await s.queuedBytes.reserve(id, n, maxBytes))) {
      throw new OverloadedError(
        `queued video is over its budget (${formatBytes(maxBytes)}); retry later`,
        { retryAfterSec },
      );
    }
  };
  return {
    async write(chunk) {
      hash.update(chunk);
      uncounted += chunk.byteLength;
      if (uncounted >= RESERVE_STEP) await count();
      await writer.write(chunk);
    },
    async end() {
      await count();
      return { bytes: await writer.end(), sha256: hash.digest('hex') };
    },
    async discard() {
      await Promise.allSettled([s.videos.delete(id), s.queuedBytes.remove(id)]);
    },
  };
}
