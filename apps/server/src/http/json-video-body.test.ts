import { describe, expect, it } from 'vitest';
import { JsonVideoScanner, MAX_JSON_FIELDS_BYTES } from './json-video-body.js';

/** Runs a body through the scanner in pieces of `step` bytes. */
async function scan(body: string | Buffer, step = Number.POSITIVE_INFINITY) {
  const parts: Buffer[] = [];
  const s = new JsonVideoScanner((b) => {
    parts.push(Buffer.from(b));
  });
  const buf = typeof body === 'string' ? Buffer.from(body) : body;
  for (let i = 0; i < buf.length; i += Math.min(step, buf.length))
    await s.write(buf.subarray(i, i + step));
  return { fields: s.end(), video: Buffer.concat(parts), bytes: s.videoBytes };
}

describe('JsonVideoScanner', () => {
  const video = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7) % 256));
  const b64 = video.toString('base64');

  it('decodes video_base64 as it streams, whatever the chunking, and keeps the other fields', async () => {
    const body = JSON.stringify({ keyframes: 4, video_base64: b64, scorers: ['moderation'] });
    for (const step of [1, 3, 7, 64, 1000, body.length]) {
      const r = await scan(body, step);
      expect(r.video.equals(video), `step ${step}`).toBe(true);
      expect(r.bytes).toBe(video.length);
      expect(r.fields).toEqual({ keyframes: 4, video_base64: '', scorers: ['moderation'] });
    }
  });

  it('reads the JSON escapes an encoder may put in base64 (\\/, \\n, \\uXXXX) and a data: URL', async () => {
    const tail = b64.slice(76).replace(/\//g, '\\/').replace(/A/g, '\\u0041');
    const escaped = `"data:video/mp4;base64,${b64.slice(0, 76)}\\n${tail}"`;
    for (const step of [1, 5, 4096]) {
      const r = await scan(`{"video_base64": ${escaped}}`, step);
      expect(r.video.equals(video), `step ${step}`).toBe(true);
    }
  });

  it('takes only the top-level video_base64, not one nested in another field', async () => {
    const r = await scan(
      JSON.stringify({ rubric: { video_base64: 'QUJD', version: '1' }, video_base64: 'QUJD' }),
    );
    expect(r.video.toString()).toBe('ABC');
    expect(r.fields).toEqual({ rubric: { video_base64: 'QUJD', version: '1' }, video_base64: '' });
  });

  it('refuses bad base64, a repeated video, a non-object body, a truncated body and oversized fields', async () => {
    await expect(scan('{"video_base64": "QUJD!"}')).rejects.toThrow(/not valid base64/);
    await expect(scan('{"video_base64": "QU\\"JD"}')).rejects.toThrow(/not valid base64/);
    await expect(scan('{"video_base64": "QUJD", "video_base64": "QUJD"}')).rejects.toThrow(
      /appears twice/,
    );
    await expect(scan('[1, 2]')).rejects.toThrow(/must be a JSON object/);
    await expect(scan('{"video_base64": "QUJD')).rejects.toThrow(/ends inside video_base64/);
    await expect(scan('{"video_base64": "QUJD", ')).rejects.toThrow(/malformed JSON/);
    const big = JSON.stringify({ video_base64: 'QUJD', note: 'x'.repeat(MAX_JSON_FIELDS_BYTES) });
    await expect(scan(big)).rejects.toMatchObject({ name: 'PayloadTooLargeError' });
  });
});
