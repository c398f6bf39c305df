// The MAX gate's benchmark: how many short inserts inside a long handheld shot get scored, by
// insert length, before departures (scene samples only) and after (what classifyVideo does),
// and the scorer calls per video either way. Not part of CI:
//   pnpm --filter @imajin/pipeline bench:inserts [-- --half tune|test|both --seeds N]
// Clips: 20-30 s, 426x240 (portrait or landscape), H.264/HEVC with a fixed 2 s GOP, 30/60 fps,
// inserts of 0.1-2 s (textured, flat card with grain, dark photograph; by a cut or a dissolve),
// rendered once under IMAJIN_BENCH_DIR (default ~/.cache/imajin-bench). With Debian's
// plasma-workspace-wallpapers and python3-skimage installed, shots and inserts are real
// photographs; otherwise generated details. Seeds split the set: odd seeds are the tune half
// (the detector's constants were chosen looking at clips like these), even seeds the test half.

import { existsSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { grabFrames, scanScenes } from '@imajin/decoder-native';
import { aggregateVideo, scoreFrame } from '@imajin/rubric';
import { rng, scriptArgs } from '@imajin/test-kit';
import { insertScorer } from '../test/insert-scorer.js';
import { type InsertClip, type InsertSpec, makeInsertClip } from '../test/inserts.js';
import { benchDir } from './clips.js';

// The built package, as the CLI and server run it.
const { classifyVideo, explicitSegments, grabKeyframes, planKeyframes, selectFrames } =
  (await import('../dist/index.js' as string)) as typeof import('../src/index.js');

const { values: args } = parseArgs({
  args: scriptArgs(),
  options: {
    half: { type: 'string', default: 'both' },
    seeds: { type: 'string', default: '6' },
  },
});

const SECONDS = [0.1, 0.15, 0.25, 0.5, 1, 2];
const KINDS = ['textured', 'flat', 'dark'] as const;
const ENTRIES = ['cut', 'dissolve'] as const;

function photoFiles(): string[] {
  const files: string[] = [];
  const wallpapers = '/usr/share/wallpapers';
  for (const name of [
    'BytheWater',
    'ColdRipple',
    'ColorfulCups',
    'DarkestHour',
    'EveningGlow',
    'FallenLeaf',
    'Kite',
    'OneStandsOut',
    'Path',
    'summer_1am',
  ]) {
    const dir = `${wallpapers}/${name}/contents/images`;
    if (!existsSync(dir)) continue;
    const biggest = readdirSync(dir).sort(
      (a, b) => Number.parseInt(b, 10) - Number.parseInt(a, 10),
    )[0];
    if (biggest) files.push(`${dir}/${biggest}`);
  }
  const skimage = '/usr/lib/python3/dist-packages/skimage/data';
  for (const f of [
    'astronaut.png',
    'coffee.png',
    'chelsea.png',
    'rocket.jpg',
    'motorcycle_left.png',
    'camera.png',
  ]) {
    if (existsSync(`${skimage}/${f}`)) files.push(`${skimage}/${f}`);
  }
  return files.length >= 4 ? files : [];
}

function specsFor(seed: number, photos: string[]): InsertSpec[] {
  const rand = rng(seed * 7919);
  const specs: InsertSpec[] = [];
  for (const kind of KINDS) {
    for (const sec of SECONDS) {
      for (const entry of ENTRIES) {
        const shot = photos[Math.floor(rand() * photos.length)];
        let insert = photos[Math.floor(rand() * photos.length)];
        while (photos.length > 1 && insert === shot)
          insert = photos[Math.floor(rand() * photos.length)];
        specs.push({
          seed: seed * 1000 + specs.length,
          kind,
          sec,
          entry,
          codec: rand() < 0.5 ? 'h264' : 'hevc',
          fps: rand() < 0.5 ? 30 : 60,
          portrait: rand() < 0.4,
          durationSec: 20 + Math.round(rand() * 10),
          shortSide: 240,
          ...(shot && insert ? { photos: { shot, insert } } : {}),
        });
      }
    }
  }
  return specs;
}

interface Outcome {
  caught: boolean;
  calls: number;
  segment: number | null; // the caught insert's segment length, seconds
}

/** Scored, explicit, with a segment over the hold: the sampler found the insert. */
function judge(
  clip: InsertClip,
  explicit: boolean,
  segments: { start: number; end: number }[],
  calls: number,
): Outcome {
  const segment = segments.find((s) => s.start < clip.hold.end && s.end > clip.hold.start);
  return {
    caught: explicit && segment !== undefined,
    calls,
    segment: segment ? segment.end - segment.start : null,
  };
}

async function before(
  clip: InsertClip,
  scorerFor: () => Promise<ReturnType<typeof insertScorer>>,
): Promise<Outcome> {
  // The sampler as it was: scene candidates only (the same scan, its departures ignored).
  const scan = await scanScenes(clip.file, { capture: true });
  const noDepartures = { ...scan, departures: [] };
  const plan = planKeyframes(noDepartures);
  const grabbed = await grabKeyframes(clip.file, plan, noDepartures);
  scan.captured?.release();
  const { frames } = selectFrames(grabbed.frames, plan, scan.durationSec);
  const scorer = await scorerFor();
  const verdicts: ReturnType<typeof scoreFrame>[] = [];
  for (const f of frames)
    verdicts.push(scoreFrame(await scorer.score({ rgb: f, jpeg: Buffer.alloc(0) })));
  const explicit = aggregateVideo(verdicts).is_explicit;
  const segments = explicitSegments(
    frames.map((f, i) => ({
      t: f.t,
      scene: 0,
      explicit: verdicts[i]?.explicitness === 'explicit',
    })),
    [{ start: 0, end: scan.durationSec }],
    scan.durationSec,
  );
  return judge(clip, explicit, segments, frames.length);
}

async function after(
  clip: InsertClip,
  scorerFor: () => Promise<ReturnType<typeof insertScorer>>,
): Promise<Outcome> {
  const scorer = await scorerFor();
  const result = await classifyVideo(clip.file, { scorer });
  return judge(clip, result.is_explicit, result.explicit_segments, scorer.scored.length);
}

async function main() {
  const dir = path.join(benchDir(), 'inserts');
  await mkdir(dir, { recursive: true });
  const photos = photoFiles();
  const n = Number(args.seeds);
  const halves = args.half === 'both' ? ['tune', 'test'] : [args.half ?? 'test'];
  console.log(
    `pictures: ${photos.length > 0 ? `${photos.length} photographs` : 'generated'}; ${n} seeds per half`,
  );
  for (const half of halves) {
    const seeds = Array.from({ length: n }, (_, i) => 2 * i + (half === 'tune' ? 1 : 2));
    const rows = new Map<number, { b: number; a: number; total: number; seg: number[] }>();
    let callsBefore = 0;
    let callsAfter = 0;
    let videos = 0;
    const misses: string[] = [];
    for (const seed of seeds) {
      for (const spec of specsFor(seed, photos)) {
        const clip = await makeInsertClip(dir, spec);
        const middle = (clip.hold.start + clip.hold.end) / 2;
        const [insert, shot] = await grabFrames(clip.file, [
          middle,
          Math.max(0.5, clip.span.start - 1),
        ]);
        if (!insert || !shot) throw new Error(`reference frames missing in ${clip.file}`);
        const scorerFor = async () => insertScorer(insert, shot);
        const b = await before(clip, scorerFor);
        const a = await after(clip, scorerFor);
        const row = rows.get(spec.sec) ?? { b: 0, a: 0, total: 0, seg: [] };
        row.total++;
        row.b += b.caught ? 1 : 0;
        row.a += a.caught ? 1 : 0;
        if (a.segment !== null) row.seg.push(a.segment - (clip.span.end - clip.span.start));
        rows.set(spec.sec, row);
        callsBefore += b.calls;
        callsAfter += a.calls;
        videos++;
        if (!a.caught && spec.sec >= 0.25) misses.push(path.basename(clip.file));
        process.stderr.write('.');
      }
    }
    process.stderr.write('\n');
    console.log(`\n${half} half (seeds ${seeds.join(', ')}): ${videos} videos`);
    console.log(
      'insert (s) | videos | caught before | caught after | segment beyond the insert (s, max)',
    );
    for (const [sec, r] of [...rows.entries()].sort((x, y) => x[0] - y[0])) {
      const pct = (k: number) => `${k}/${r.total} (${((100 * k) / r.total).toFixed(0)}%)`;
      const beyond = r.seg.length ? Math.max(...r.seg).toFixed(2) : '-';
      console.log(
        `${String(sec).padStart(10)} | ${String(r.total).padStart(6)} | ${pct(r.b).padStart(13)} | ${pct(r.a).padStart(12)} | ${beyond}`,
      );
    }
    console.log(
      `scorer calls per video: before ${(callsBefore / videos).toFixed(2)}, after ${(callsAfter / videos).toFixed(2)}`,
    );
    if (misses.length) console.log(`missed (>= 0.25 s): ${misses.join(' ')}`);
  }
}

await main();
