// Benchmark of classifyVideo() on 10–60 s 1080p clips: time per stage and scorer calls per
// video, scene-aware vs forced-16, with a fast scorer (a loopback model-boss answering in a fixed
// time) and with the local scorer; and the subprocess recipe for the same keyframes with the same
// model-boss. Not part of CI: `pnpm --filter @imajin/pipeline bench` (builds first via turbo's
// `pnpm bench`). Clips are cached under IMAJIN_BENCH_DIR (default ~/.cache/imajin-bench).
//   BENCH_LATENCY_MS  the loopback model-boss's time per image (default 25)
//   BENCH_LOCAL=0     skip the local scorer

import { availableParallelism } from 'node:os';
import { startModelBoss } from '@imajin/test-kit';
import type { ClassifyResult, Scorer } from '../src/index.js';
import { CLIPS, ensureClip } from './clips.js';
import { subprocessRecipe } from './recipe.js';

const STAGES = ['scan', 'grab', 'select', 'jpeg', 'score', 'poster', 'total'] as const;
const latencyMs = Number(process.env.BENCH_LATENCY_MS ?? 25);

function row(cells: (string | number)[]): string {
  return cells
    .map((c, i) => (i < 3 ? String(c).padEnd(i === 0 ? 14 : 12) : String(c).padStart(7)))
    .join(' ');
}

// The built package (turbo's `bench` task builds first): what the CLI and server run, including
// the compiled local-scorer worker.
const { classifyVideo, createScorer } = (await import(
  '../dist/index.js' as string
)) as typeof import('../src/index.js');

async function measure(
  file: string,
  scorer: Scorer,
  keyframes: number | null,
  calls: () => number,
) {
  const before = calls();
  const result: ClassifyResult = await classifyVideo(file, { scorer, keyframes });
  return { result, calls: calls() - before };
}

async function main() {
  const files = [];
  for (const clip of CLIPS) files.push({ clip, file: await ensureClip(clip) });
  const boss = await startModelBoss({ latencyMs });
  const remote = createScorer({ kind: 'model-boss', url: boss.url });
  let localCalls = 0;
  const local = createScorer({ kind: 'local' });
  const countedLocal: Scorer = {
    name: local.name,
    score: (frame, signal) => {
      localCalls++;
      return local.score(frame, signal);
    },
    close: () => local.close(),
  };
  const scorers: { label: string; scorer: Scorer; calls: () => number }[] = [
    { label: `boss ${latencyMs}ms`, scorer: remote, calls: () => boss.requests },
  ];
  if (process.env.BENCH_LOCAL !== '0') {
    const t0 = performance.now();
    const first = files[0]?.file ?? '';
    await classifyVideo(first, { scorer: countedLocal, keyframes: 3 }); // loads the model in both workers
    console.log(
      `local scorer cold start (first classify, 3 frames, incl. model load): ${Math.round(performance.now() - t0)} ms`,
    );
    scorers.push({ label: 'local', scorer: countedLocal, calls: () => localCalls });
  }
  console.log(
    `cores: ${availableParallelism()}, loopback model-boss latency ${latencyMs} ms, maxInFlight 2`,
  );
  console.log(
    row([
      'clip',
      'policy',
      'scorer',
      'cands',
      'dedup',
      'calls',
      'gap_s',
      ...STAGES.map((s) => `${s}`),
    ]),
  );
  for (const { clip, file } of files) {
    for (const { label, scorer, calls } of scorers) {
      for (const keyframes of [null, 16]) {
        const { result, calls: n } = await measure(file, scorer, keyframes, calls);
        const s = result.sampling;
        console.log(
          row([
            clip.name,
            keyframes === null ? 'scene-aware' : 'forced-16',
            label,
            s.candidates,
            s.deduplicated,
            n,
            s.max_unsampled_gap_sec.toFixed(1),
            ...STAGES.map((k) => result.timings_ms[k] ?? 0),
          ]),
        );
      }
    }
  }
  console.log(
    '\nsubprocess recipe (ffmpeg scene pass + one ffmpeg seek per keyframe) vs classifyVideo, same keyframes, same model-boss:',
  );
  for (const { clip, file } of files) {
    const ours = await classifyVideo(file, { scorer: remote });
    const recipe = await subprocessRecipe(
      file,
      ours.frames.map((f) => f.t),
      remote,
    );
    const total = ours.timings_ms.total ?? 0;
    console.log(
      `${clip.name.padEnd(14)} keyframes ${String(ours.frame_count).padStart(2)}  classifyVideo ${String(total).padStart(6)} ms  recipe ${String(Math.round(recipe.totalMs)).padStart(6)} ms (scene pass ${Math.round(recipe.scanMs)} ms)  ratio ${(recipe.totalMs / Math.max(1, total)).toFixed(2)}x`,
    );
  }
  await remote.close();
  await local.close();
  await boss.close();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
