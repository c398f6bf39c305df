// The platform's flow against the real server process: real videos (ffmpeg), the real
// pipeline (libav decode, keyframes, JPEG, rubric), a model-boss stand-in over loopback. The
// ingester's steps go through @imajin/client; raw HTTP stays where the wire detail itself is
// under test (the base64 JSON body, a malformed body, sync limits on the JSON path).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type ImajinClient, JobFailedError, PayloadTooLargeError } from '@imajin/client';
import { RUBRIC } from '@imajin/rubric';
import { garbageFile, makeClip, scratchDir, truncatedCopy } from '@imajin/test-kit';
import { type ClassifyResult, ClassifyResultSchema } from '@imajin/wire';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson } from '../../test/client.js';
import { e2eStack, ingesterClient } from '../../test/e2e.js';
import { hasRedis } from '../../test/redis.js';

/** What the ingester does with a result: the same fields a photo's classification has. */
async function mapLikeThePlatform(result: ClassifyResult) {
  const poster = Buffer.from(result.poster_b64, 'base64');
  const meta = await sharp(poster).metadata();
  return {
    explicitness: result.explicitness,
    isExplicit: result.is_explicit,
    quality: result.quality_score,
    poster: { format: meta.format, width: meta.width },
  };
}

describe.skipIf(!hasRedis)('the platform flow, end to end', () => {
  const e2e = e2eStack('e2e-flow', { env: { SYNC_MAX_BYTES: '100KiB' } });
  let scratch: Awaited<ReturnType<typeof scratchDir>>;
  let client: ImajinClient;
  const clips: Record<string, string> = {};

  beforeAll(async () => {
    scratch = await scratchDir('imajin-server-e2e');
    const dir = scratch.dir;
    const [explicit, safe, busy, thirty, long] = await Promise.all([
      makeClip(join(dir, 'green-red-green.mp4'), [
        { colour: 'green', seconds: 2 },
        { colour: 'red', seconds: 1 },
        { colour: 'green', seconds: 2 },
      ]),
      makeClip(join(dir, 'green-gray.mp4'), [
        { colour: 'green', seconds: 2 },
        { colour: 'gray', seconds: 2 },
      ]),
      makeClip(join(dir, 'busy.mp4'), [{ source: 'testsrc2', seconds: 4 }], {
        width: 640,
        height: 360,
        fps: 30,
      }),
      makeClip(
        join(dir, 'thirty.mp4'),
        [
          { colour: 'green', seconds: 15 },
          { colour: 'gray', seconds: 15 },
        ],
        { width: 160, height: 120, fps: 10 },
      ),
      makeClip(
        join(dir, 'thirty-one.mp4'),
        [
          { colour: 'green', seconds: 16 },
          { colour: 'gray', seconds: 15 },
        ],
        { width: 160, height: 120, fps: 10 },
      ),
    ]);
    Object.assign(clips, { explicit, safe, busy, thirty, long });
    clips.truncated = await truncatedCopy(explicit, 0.5, join(dir, 'truncated.mp4'));
    clips.noise = await garbageFile(join(dir, 'noise.bin'));
    client = ingesterClient(e2e.server.url);
  });
  afterAll(() => scratch?.remove());

  it('POST base64 → 202 → poll (the client) → done → a photo-shaped verdict: one red shot makes the video explicit', async () => {
    const video = await readFile(clips.explicit as string);
    const res = await postJson(e2e.server.url, '/classify-video', {
      video_base64: video.toString('base64'),
      keyframes: null,
      scorers: ['moderation', 'quality'],
    });
    expect(res.status).toBe(202);
    const accepted = (await res.json()) as { job_id: string; status: string };
    expect(accepted.status).toBe('queued');
    const statuses: string[] = [];
    const fromClient = await client.waitForResult(accepted.job_id, {
      onStatus: (s) => statuses.push(s),
    });
    expect(statuses.at(-1)).toBe('done');
    const env = await client.getJob(accepted.job_id);
    expect(env).toMatchObject({ status: 'done', error: null, error_code: null, retryable: null });
    const result = ClassifyResultSchema.parse(env.result); // exactly the contract's shape
    expect(fromClient).toEqual(result);
    expect(result.rubric_fingerprint).toBe(RUBRIC.fingerprint);
    expect(result.rubric_version).toBe(RUBRIC.version);
    expect(result.scorer).toBe(`model-boss:${RUBRIC.model}`);
    expect(result.scorers).toEqual(['moderation', 'quality']);
    expect(result.duration_sec).toBeCloseTo(5, 0);
    expect(result.frame_count).toBe(result.frames.length);
    expect(result.frames.some((f) => f.t >= 2 && f.t < 3 && f.explicitness === 'explicit')).toBe(
      true,
    );
    expect(result.explicit_segments.length).toBeGreaterThan(0);
    const mapped = await mapLikeThePlatform(result);
    expect(mapped).toMatchObject({
      explicitness: 'explicit',
      isExplicit: true,
      poster: { format: 'jpeg' },
    });
    // The poster is a safe frame (green), never the explicit one.
    expect(result.frames[result.poster_frame_index]?.explicitness).toBe('sfw');
  });

  it('a video with no explicit shot is sfw', async () => {
    const result = await client.classify(clips.safe as string, { rubric: 'pin' });
    expect(result).toMatchObject({ is_explicit: false, explicitness: 'sfw' });
  });

  it('takes a raw upload with options in the query string', async () => {
    const result = await client.classify(clips.busy as string, {
      keyframes: 4,
      scorers: ['scene'],
    });
    expect(result.sampling.policy).toBe('forced');
    expect(result.frame_count).toBe(4);
    expect(result).toMatchObject({
      width: 640,
      height: 360,
      codec: 'h264',
      scorers: ['scene'],
    });
  });

  it('returns the same job for the same bytes and options, without scoring again', async () => {
    const video = await readFile(clips.safe as string);
    const first = await client.submit(video, { keyframes: 3 });
    await client.waitForResult(first.job_id);
    const calls = e2e.boss.requests;
    // Raw or base64, the same bytes and options are the same job.
    expect(await client.submit(video, { keyframes: 3 })).toEqual({
      job_id: first.job_id,
      status: 'done',
    });
    const again = await postJson(e2e.server.url, '/classify-video', {
      video_base64: video.toString('base64'),
      keyframes: 3,
    });
    expect(again.status).toBe(202);
    expect(await again.json()).toEqual({ job_id: first.job_id, status: 'done' });
    expect(e2e.boss.requests).toBe(calls);
  });

  it('a truncated or unreadable file becomes a failed job with the decoder’s reason, not retryable', async () => {
    for (const clip of [clips.truncated, clips.noise]) {
      const err = await client.classify(clip as string).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JobFailedError);
      const failed = err as JobFailedError;
      expect(failed.retryable).toBe(false);
      expect(failed.error_code).toMatch(/^[a-z_]+$/);
      expect(failed.error_code).not.toBe('internal');
      expect(failed.message).toBeTruthy();
      const env = await client.getJob(failed.job_id as string);
      expect(env).toMatchObject({ status: 'failed', result: null, retryable: false });
    }
  });

  it('sync: 200 with the result inline; 413 over the size limit; 422 over 30 s or undecodable', async () => {
    const ok = await client.classifySync(clips.explicit as string);
    expect(ClassifyResultSchema.parse(ok).is_explicit).toBe(true);

    // a 30 s clip is within the 30 s limit
    expect((await client.classifySync(clips.thirty as string)).duration_sec).toBeCloseTo(30, 0);

    const long = await client.classifySync(clips.long as string).catch((e: unknown) => e);
    expect(long).toBeInstanceOf(JobFailedError);
    expect(long).toMatchObject({ status: 422, error_code: 'too_long', retryable: false });

    const big = await readFile(clips.busy as string);
    expect(big.length).toBeGreaterThan(100 * 1024);
    const raw = await client.classifySync(big).catch((e: unknown) => e);
    expect(raw).toBeInstanceOf(PayloadTooLargeError);
    expect(raw).toMatchObject({ status: 413, error_code: 'payload_too_large' });
    const tooBig = await postJson(e2e.server.url, '/classify-video/sync', {
      video_base64: big.toString('base64'),
    });
    expect(tooBig.status).toBe(413);
    expect(await tooBig.json()).toMatchObject({ error_code: 'payload_too_large' });

    const bad = await client.classifySync(clips.truncated as string).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(JobFailedError);
    expect(bad).toMatchObject({ status: 422, retryable: false });
    expect((bad as JobFailedError).error_code).not.toBe('internal');
  });

  it('answers bad requests over a real socket as JSON, and never logs video or poster bytes', async () => {
    const res = await fetch(`${e2e.server.url}/classify-video`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"video_base64": 12',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error_code: 'bad_request', retryable: false });
    const logText = e2e.server.logs.map((l) => JSON.stringify(l)).join('\n');
    const video = (await readFile(clips.explicit as string)).toString('base64');
    expect(logText).not.toContain(video.slice(100, 160));
    expect(logText).not.toContain('/9j/'); // the start of every base64 JPEG
    const finished = e2e.server.logs.filter((l) => l.msg === 'job finished');
    expect(finished.length).toBeGreaterThan(0);
    expect(finished.every((l) => typeof l.job_id === 'string')).toBe(true);
  });
});
