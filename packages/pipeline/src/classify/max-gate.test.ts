// The MAX gate's promise, end to end: an insert of 0.25 s or more inside a long handheld shot is
// scored and gets a tight explicit segment, whatever its texture, how it is entered, or how a
// phone encoded it; its clean twin gets none; and the band holds however many departures a
// video has. Real clips (ffmpeg CLI), real decoding, a stand-in scorer that knows the insert by
// its pixels.

import { grabFrames } from '@imajin/decoder-native';
import { scratchDir } from '@imajin/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InsertScorer, insertScorer } from '../../test/insert-scorer.js';
import {
  clipName,
  type InsertClip,
  type InsertSpec,
  makeFlashClip,
  makeInsertClip,
  makeRepeatedInsertClip,
} from '../../test/inserts.js';
import { DEFAULT_BAND } from '../sampling/band.js';
import { classifyVideo } from './classify.js';

const KINDS = ['textured', 'flat', 'dark'] as const;
const SECONDS = [0.25, 0.5, 1, 2];
const ENTRIES = ['cut', 'dissolve'] as const;
/** Each (codec, frame rate, orientation): 8 variants, each taking every eighth insert. */
const VARIANTS = [0, 1, 2, 3, 4, 5, 6, 7].map((v) => ({
  codec: v % 2 === 0 ? ('h264' as const) : ('hevc' as const),
  fps: (v >> 1) % 2 === 0 ? (30 as const) : (60 as const),
  portrait: v >> 2 === 1,
}));

const sweep: InsertSpec[] = [];
for (const kind of KINDS) {
  for (const sec of SECONDS) {
    for (const entry of ENTRIES) {
      const variant = VARIANTS[(sweep.length * 3) % 8] ?? VARIANTS[0];
      sweep.push({
        seed: 100 + sweep.length,
        kind,
        sec,
        entry,
        durationSec: 10,
        ...variant,
      } as InsertSpec);
    }
  }
}

let scratch: Awaited<ReturnType<typeof scratchDir>>;
/** Clean twins for the first clip of each variant (the same shot, no insert). */
const clips = new Map<string, { clip: InsertClip; twin: InsertClip | null }>();

/** Runs `work` over `items`, two at a time (ffmpeg encodes use both cores anyway). */
async function inPairs<T>(items: readonly T[], work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all([worker(), worker()]);
}

beforeAll(async () => {
  scratch = await scratchDir('imajin-pipeline');
  await inPairs(sweep, async (spec) => {
    const clip = await makeInsertClip(scratch.dir, spec);
    const twin =
      sweep.indexOf(spec) < VARIANTS.length
        ? await makeInsertClip(scratch.dir, { ...spec, kind: null })
        : null;
    clips.set(clipName(spec), { clip, twin });
  });
}, 600_000);

afterAll(() => scratch?.remove());

/** The stand-in scorer for a clip: the insert's picture (mid-hold) vs the shot's (at 1 s). */
async function scorerFor(clip: InsertClip): Promise<InsertScorer> {
  const middle = (clip.hold.start + clip.hold.end) / 2;
  const [insert, shot] = await grabFrames(clip.file, [middle, 1]);
  if (!insert || !shot) throw new Error('reference frames missing');
  return insertScorer(insert, shot);
}

describe('MAX gate: inserts inside a long handheld shot', () => {
  it.each(sweep.map((spec) => [clipName(spec), spec] as const))(
    '%s is scored, with a tight segment (its clean twin, where made, is not flagged)',
    async (name) => {
      const entry = clips.get(name);
      if (!entry) throw new Error(`${name} was not rendered`);
      const { clip, twin } = entry;
      const scorer = await scorerFor(clip);
      const result = await classifyVideo(clip.file, { scorer });
      expect(scorer.scored.length).toBeLessThanOrEqual(DEFAULT_BAND.max);
      expect(result.sampling.departures).toBeGreaterThanOrEqual(1);
      expect(result.sampling.departures_scored).toBe(result.sampling.departures);
      expect(result.explicitness).toBe('explicit');
      const { span } = clip;
      const segment = result.explicit_segments.find(
        (s) => s.start < clip.hold.end && s.end > clip.hold.start,
      );
      expect(segment, JSON.stringify(result.explicit_segments)).toBeDefined();
      expect(segment?.start).toBeGreaterThanOrEqual(span.start - 1.5);
      expect(segment?.end).toBeLessThanOrEqual(span.end + 1.5);

      if (!twin) return;
      const twinResult = await classifyVideo(twin.file, { scorer: await scorerFor(clip) });
      expect(twinResult.explicitness).toBe('sfw');
      expect(twinResult.explicit_segments).toEqual([]);
    },
    60_000,
  );
});

describe('MAX gate: many departures', () => {
  it('stays within the band on 40 repeated inserts and says how many went unscored', async () => {
    const { file, holds } = await makeRepeatedInsertClip(scratch.dir, 7, 40);
    const [insert, shot] = await grabFrames(file, [4.5, 2]);
    if (!insert || !shot) throw new Error('reference frames missing');
    const scorer = insertScorer(insert, shot);
    const result = await classifyVideo(file, { scorer });
    expect(scorer.scored.length).toBeLessThanOrEqual(DEFAULT_BAND.max);
    expect(result.frame_count).toBeLessThanOrEqual(DEFAULT_BAND.max);
    expect(result.sampling.departures).toBeGreaterThanOrEqual(holds.length);
    expect(result.sampling.departures_scored).toBeLessThanOrEqual(result.sampling.departures);
    expect(result.explicitness).toBe('explicit');
    // Inserts alternate with the shot one second each, so both count as departures. The repeats
    // a scored insert frame stands for are claimed too: more inserts than frames scored.
    const claimed = holds.filter((h) =>
      result.explicit_segments.some((s) => s.start <= h.start + 0.1 && s.end >= h.end - 0.1),
    );
    expect(claimed.length).toBeGreaterThan(scorer.scored.length);
    for (const s of result.explicit_segments) expect(s.end - s.start).toBeLessThan(4);
  }, 120_000);

  it('does not turn camera flashes into scored frames', async () => {
    const { file, flashes } = await makeFlashClip(scratch.dir, 8, 20, 12);
    const [frame] = await grabFrames(file, [1]);
    if (!frame) throw new Error('reference frame missing');
    const scorer = insertScorer(frame, frame);
    const result = await classifyVideo(file, { scorer });
    expect(flashes).toHaveLength(20);
    expect(result.sampling.departures).toBeLessThanOrEqual(2);
    expect(scorer.scored.length).toBeLessThanOrEqual(DEFAULT_BAND.min + 2);
  }, 120_000);
});
