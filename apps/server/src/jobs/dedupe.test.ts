// Resubmission is atomic: the dedupe key and the job record it points at are written together,
// so a second identical POST that arrives while the first is still writing its upload reuses
// one job instead of running a second.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeEngine } from '../../test/fake-engine.js';
import { type Harness, harness } from '../../test/harness.js';
import { hasRedis } from '../../test/redis.js';

describe.skipIf(!hasRedis)('resubmission', () => {
  let h: Harness;
  afterEach(() => h.close());

  const post = (video: Buffer) =>
    h.app.request('/classify-video', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ video_base64: video.toString('base64') }),
    });

  it('runs one job for two identical POSTs, even when the first is slow to store its bytes', async () => {
    h = await harness('dedupe-race', new FakeEngine());
    const video = Buffer.from('the same video twice');
    // The first upload's write to Redis stalls until the second request has been answered.
    let release!: () => void;
    const stalled = new Promise<void>((r) => {
      release = r;
    });
    const { videos } = h.services;
    const put = videos.put.bind(videos);
    const writer = videos.writer.bind(videos);
    let first = true;
    const gate = async () => {
      if (first) {
        first = false;
        await stalled;
      }
    };
    videos.put = async (id, v) => {
      await gate();
      return put(id, v);
    };
    videos.writer = (id) => {
      const w = writer(id);
      return {
        write: async (chunk) => {
          await gate();
          return w.write(chunk);
        },
        end: () => w.end(),
      };
    };

    const a = post(video);
    await new Promise((r) => setTimeout(r, 100));
    const b = await post(video);
    release();
    const ra = await a;
    expect([ra.status, b.status]).toEqual([202, 202]);
    const ida = ((await ra.json()) as { job_id: string }).job_id;
    const idb = ((await b.json()) as { job_id: string }).job_id;
    expect(ida).toBe(idb);
    expect(await h.services.queue.getJobCounts('wait')).toEqual({ wait: 1 });
  });
});
