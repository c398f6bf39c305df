// Uploaded video bytes, held in Redis so a worker on any machine can read them; each key has a
// TTL and is deleted when its job ends. Uploads are appended in slices as they stream in, so
// the API never holds a whole raw upload in memory.
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

const SLICE = 4 * 1024 * 1024;

export interface VideoWriter {
  write(chunk: Uint8Array): Promise<void>;
  /** Flushes what is buffered; returns the total byte count. */
  end(): Promise<number>;
}

export class VideoStore {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlSec: number,
  ) {}

  writer(id: string): VideoWriter {
    const key = this.keys.video(id);
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const slice = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await this.redis.multi().append(key, slice).expire(key, this.ttlSec).exec();
    };
    return {
      write: async (chunk) => {
        pending.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        pendingBytes += chunk.byteLength;
        total += chunk.byteLength;
        if (pendingBytes >= SLICE) await flush();
      },
      end: async () => {
        await flush();
        return total;
      },
    };
  }

  async put(id: string, video: Buffer): Promise<void> {
    const w = this.writer(id);
    for (let off = 0; off < video.length; off += SLICE)
      await w.write(video.subarray(off, off + SLICE));
    await w.end();
  }

  async get(id: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.video(id));
  }

  async exists(id: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.video(id))) === 1;
  }

  async delete(id: string): Promise<void> {
    await this.redis.del(this.keys.video(id));
  }
}
