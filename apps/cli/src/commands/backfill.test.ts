import { copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassifyResultSchema } from '@imajin/pipeline';
import {
  garbageFile,
  type ModelBossStandIn,
  makeClip,
  startModelBoss,
  truncatedCopy,
} from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackfillRecord } from '../lib/resume.js';
import { runCli } from '../testing/run-cli.js';

let dir: string;
let videos: string;
let mb: ModelBossStandIn;
const viaModelBoss = (m: ModelBossStandIn) => ['--scorer', 'model-boss', '--model-boss-url', m.url];

async function records(path: string): Promise<BackfillRecord[]> {
  const text = await readFile(path, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as BackfillRecord);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'imajin-backfill-'));
  videos = join(dir, 'videos');
  await mkdir(join(videos, 'day2'), { recursive: true });
  mb = await startModelBoss();
  const a = await makeClip(join(videos, 'a.mp4'), [
    { seconds: 1, colour: '#2040c0' },
    { seconds: 1, colour: '#d01010' },
    { seconds: 1, source: 'testsrc2' },
  ]);
  await makeClip(join(videos, 'b.mp4'), [{ seconds: 2, source: 'smptebars' }]);
  await makeClip(join(videos, 'day2', 'c.mov'), [
    { seconds: 1, colour: '#e0d020' },
    { seconds: 1, source: 'testsrc2' },
  ]);
  await makeClip(join(videos, 'day2', 'd.mkv'), [{ seconds: 2, source: 'rgbtestsrc' }]);
  await copyFile(a, join(videos, 'day2', 'a-again.mp4'));
  await garbageFile(join(videos, 'garbage.mp4'));
  await truncatedCopy(a, 0.4, join(videos, 'truncated.mp4'));
}, 90_000);
afterAll(async () => {
  await mb.close();
  await rm(dir, { recursive: true, force: true });
});

describe('imajin-video backfill', () => {
  it('classifies every video once, reports failures without stopping, and a rerun skips them all', async () => {
    const out = join(dir, 'full.jsonl');
    const posters = join(dir, 'posters');
    const before = mb.scored;
    const r = await runCli([
      'backfill',
      videos,
      '--out',
      out,
      '--posters',
      posters,
      '--concurrency',
      '2',
      ...viaModelBoss(mb),
    ]);
    expect(r.code).toBe(1); // two inputs cannot be decoded
    const lines = await records(out);
    const ok = lines.filter((l) => l.result);
    const failed = lines.filter((l) => l.error);
    expect(ok.map((l) => l.path.slice(videos.length + 1)).sort()).toEqual([
      'a.mp4',
      'b.mp4',
      'day2/c.mov',
      'day2/d.mkv',
    ]);
    expect(failed.map((l) => l.path.slice(videos.length + 1)).sort()).toEqual([
      'garbage.mp4',
      'truncated.mp4',
    ]);
    for (const l of failed) expect(l.error?.retryable).toBe(false);
    for (const l of ok) {
      // With --posters the JPEG is on disk and the line names it instead of carrying base64.
      expect(l.result).not.toHaveProperty('poster_b64');
      const jpeg = await readFile(l.poster as string);
      expect(jpeg.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
      const result = ClassifyResultSchema.parse({
        ...l.result,
        poster_b64: jpeg.toString('base64'),
      });
      expect([l.scorer, l.rubric_fingerprint]).toEqual([result.scorer, result.rubric_fingerprint]);
      expect(l.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(l.scorer_calls).toBe(result.frame_count);
      expect(l.poster).toBe(join(posters, `${l.sha256}.jpg`));
    }
    expect((await readdir(posters)).sort()).toEqual(ok.map((l) => `${l.sha256}.jpg`).sort());
    // the copy of a.mp4 is the same content: classified once
    expect(r.stderr).toMatch(/a-again\.mp4: skipped, same content as/);
    const calls = ok.reduce((n, l) => n + (l.scorer_calls ?? 0), 0);
    expect(mb.scored - before).toBe(calls);
    const verdicts = ok.map((l) => l.result?.explicitness);
    expect(verdicts.filter((v) => v === 'explicit')).toHaveLength(1);
    expect(verdicts.filter((v) => v === 'suggestive')).toHaveLength(1);
    expect(r.stderr).toMatch(/4 classified \(explicit 1, suggestive 1, sfw 2\) · 2 failed/);
    expect(r.stderr).toMatch(new RegExp(`scorer calls ${calls} · wall time`));

    const again = await runCli(['backfill', videos, '--out', out, ...viaModelBoss(mb)]);
    expect(again.code).toBe(1); // the terminal failures are still failures
    expect(mb.scored - before).toBe(calls);
    expect(await records(out)).toHaveLength(lines.length);
    expect(again.stderr).toMatch(
      /skipped: 4 done earlier, 2 failed earlier \(terminal\), 1 same content/,
    );

    const retry = await runCli([
      'backfill',
      videos,
      '--out',
      out,
      '--retry-failed',
      ...viaModelBoss(mb),
    ]);
    expect(retry.code).toBe(1);
    const after = await records(out);
    expect(after).toHaveLength(lines.length + 2);
    expect(after.slice(-2).every((l) => l.error)).toBe(true);
    expect(mb.scored - before).toBe(calls);
  }, 120_000);

  it('Ctrl-C stops cleanly with valid JSONL, and the rerun classifies only what was left', async () => {
    const slow = await startModelBoss({ latencyMs: 150 });
    const out = join(dir, 'interrupted.jsonl');
    try {
      const first = await runCli(
        ['backfill', videos, '--out', out, '--concurrency', '1', ...viaModelBoss(slow)],
        {
          onSpawn: (child) => {
            const poll = setInterval(async () => {
              const text = await readFile(out, 'utf8').catch(() => '');
              if (text.split('\n').length > 2) {
                clearInterval(poll);
                child.kill('SIGINT');
              }
            }, 25);
            child.on('close', () => clearInterval(poll));
          },
        },
      );
      expect(first.code).toBe(130);
      expect(first.stderr).toMatch(/interrupted: \d+ not finished; run again to resume/);
      const done = await records(out);
      expect(done.length).toBeGreaterThanOrEqual(2);
      expect(done.length).toBeLessThan(6);
      const firstCalls = slow.scored;

      const second = await runCli([
        'backfill',
        videos,
        '--out',
        out,
        '--concurrency',
        '2',
        ...viaModelBoss(slow),
      ]);
      expect(second.code).toBe(1);
      const all = await records(out);
      const added = all.slice(done.length);
      // no video classified twice: one line per content, and the rerun's calls are its own lines'
      expect(new Set(all.map((l) => l.sha256)).size).toBe(all.length);
      expect(all.filter((l) => l.result)).toHaveLength(4);
      expect(slow.scored - firstCalls).toBe(added.reduce((n, l) => n + (l.scorer_calls ?? 0), 0));
      for (const l of all.filter((x) => x.result)) ClassifyResultSchema.parse(l.result);
    } finally {
      await slow.close();
    }
  }, 120_000);

  it('--max-calls stops before the budget is exceeded and the next run continues', async () => {
    const out = join(dir, 'budget.jsonl');
    const list = join(dir, 'list.txt');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        list,
        ['# three good videos', 'videos/a.mp4', 'videos/b.mp4', 'videos/day2/c.mov'].join('\n'),
      ),
    );
    const before = mb.scored;
    const r = await runCli([
      'backfill',
      list,
      '--out',
      out,
      '--max-calls',
      '7',
      '--concurrency',
      '1',
      ...viaModelBoss(mb),
    ]);
    expect(r.code).toBe(0);
    expect(mb.scored - before).toBeLessThanOrEqual(7);
    const first = await records(out);
    expect(first.length).toBeGreaterThanOrEqual(1);
    expect(first.length).toBeLessThan(3);
    expect(r.stderr).toMatch(/stopped at the --max-calls budget: \d+ not started/);

    const rest = await runCli(['backfill', list, '--out', out, ...viaModelBoss(mb)]);
    expect(rest.code).toBe(0);
    const all = await records(out);
    expect(all.filter((l) => l.result)).toHaveLength(3);
    expect(new Set(all.map((l) => l.sha256)).size).toBe(3);
  }, 120_000);

  it('retries a retryable failure (model-boss down) on the next run', async () => {
    const out = join(dir, 'outage.jsonl');
    const one = join(videos, 'b.mp4');
    const down = await runCli([
      'backfill',
      one,
      '--out',
      out,
      '--scorer',
      'model-boss',
      '--model-boss-url',
      'http://127.0.0.1:1',
    ]);
    expect(down.code).toBe(1);
    const [failed] = await records(out);
    expect(failed?.error).toMatchObject({ error_code: 'scorer_unavailable', retryable: true });

    const up = await runCli(['backfill', one, '--out', out, ...viaModelBoss(mb)]);
    expect(up.code).toBe(0);
    const lines = await records(out);
    expect(lines).toHaveLength(2);
    expect(lines[1]?.result?.explicitness).toBe('sfw');
  }, 120_000);

  it('resumes by scorer and rubric too: a trial run with the local scorer does not make the model-boss run skip', async () => {
    const out = join(dir, 'trial.jsonl');
    const one = join(videos, 'b.mp4');
    const trial = await runCli(['backfill', one, '--out', out]); // the default, local scorer
    expect(trial.code).toBe(0);
    const before = mb.scored;
    const real = await runCli(['backfill', one, '--out', out, ...viaModelBoss(mb)]);
    expect(real.code).toBe(0);
    expect(mb.scored).toBeGreaterThan(before);
    expect(real.stderr).toMatch(/re-run: 1 whose earlier lines were made under another scorer/);
    const lines = await records(out);
    expect(lines.map((l) => l.scorer)).toEqual([
      expect.stringMatching(/^local:/),
      expect.stringMatching(/^model-boss/),
    ]);
    expect(lines[0]?.result).toHaveProperty('poster_b64'); // no --posters: the line keeps it

    const calls = mb.scored;
    const again = await runCli(['backfill', one, '--out', out, ...viaModelBoss(mb)]);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/skipped: 1 done earlier/);
    expect(mb.scored).toBe(calls);
  }, 120_000);
});
