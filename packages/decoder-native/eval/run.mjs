// Scene-detection evaluation: precision, recall and F1 at +-0.25 s of our scanScenes (fast and
// exact decoding) beside ffmpeg's scdet (threshold 10) on the set eval/make.mjs renders, overall,
// per transition type and per encoding, with the false positives on flashes, ramps and whip
// pans, and, for every miss and false alarm of ours, the score trace around it.
// The set is split by seed into a tune half (choose constants on it) and a test half (report it).
//   node eval/run.mjs --half tune|test|all [--modes fast,exact] [--threshold 0.3] [--json out.json]
//                     [--quiet]
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scanScenes } from '@imajin/decoder-native';
import { ensureEvalSet } from './make.mjs';

const TOLERANCE = 0.25;
const SCDET_THRESHOLD = 10;

const { values: args } = parseArgs({
  options: {
    half: { type: 'string', default: 'test' },
    modes: { type: 'string', default: 'fast,exact' },
    threshold: { type: 'string' },
    json: { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});

// scdet's answer for a file never changes: kept beside it.
function scdet(file) {
  const cache = `${file}.scdet-${SCDET_THRESHOLD}.json`;
  if (existsSync(cache)) return JSON.parse(readFileSync(cache, 'utf8'));
  const found = runScdet(file);
  writeFileSync(cache, JSON.stringify(found));
  return found;
}

function runScdet(file) {
  const r = spawnSync(
    'ffmpeg',
    [
      '-hide_banner',
      '-nostdin',
      '-loglevel',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-vf',
      `scdet=threshold=${SCDET_THRESHOLD},metadata=mode=print:key=lavfi.scd.time:file=-`,
      '-f',
      'null',
      '-',
    ],
    { encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`scdet failed on ${file}: ${r.stderr}`);
  return [...r.stdout.matchAll(/lavfi\.scd\.time=([\d.]+)/g)].map((m) => Number(m[1]));
}

/** One-to-one matching, closest pairs first, within the tolerance. */
function match(truth, found) {
  const pairs = [];
  truth.forEach((g, i) => {
    found.forEach((t, j) => {
      const d = Math.abs(t - g.t);
      if (d <= TOLERANCE) pairs.push({ i, j, d });
    });
  });
  pairs.sort((a, b) => a.d - b.d);
  const gtHit = new Array(truth.length).fill(-1);
  const foundHit = new Array(found.length).fill(-1);
  for (const p of pairs) {
    if (gtHit[p.i] >= 0 || foundHit[p.j] >= 0) continue;
    gtHit[p.i] = p.j;
    foundHit[p.j] = p.i;
  }
  return { gtHit, foundHit };
}

/**
 * Why a detection that matches no transition fired: the distractors it sits on (nearest first,
 * joined with '+' when they overlap), else the transition it doubles, else 'other'.
 */
function causeOf(t, video) {
  const distance = (d) => (t < d.t0 ? d.t0 - t : t > d.t1 ? t - d.t1 : 0);
  const hits = video.distractors
    .filter((d) => distance(d) <= TOLERANCE)
    .sort((a, b) => distance(a) - distance(b))
    .map((d) => d.type);
  if (hits.length) return [...new Set(hits)].join('+');
  const near = video.cuts.find((c) => Math.abs(c.t - t) <= Math.max(1, c.sec));
  if (near) return `near-${near.type}`;
  return 'other';
}

/** The commit of decoder-native's native/ sources, and whether the working tree differs. */
function nativeVersion() {
  const cwd = new URL('..', import.meta.url);
  const git = (...a) => spawnSync('git', a, { encoding: 'utf8', cwd }).stdout.trim();
  const commit = git('log', '-1', '--format=%h', '--', 'native');
  const dirty = git('status', '--porcelain', '--', 'native') !== '';
  return `${commit}${dirty ? ' + uncommitted changes' : ''}`;
}

function trace(scan, t, radius = 0.45) {
  const parts = [];
  for (let i = 0; i < scan.times.length; i++) {
    const ti = scan.times[i];
    if (ti >= t - radius && ti <= t + radius)
      parts.push(`${ti.toFixed(2)}:${scan.scores[i].toFixed(2)}`);
  }
  return parts.join(' ');
}

function peak(scan, t, radius = 0.5) {
  let best = { t: Number.NaN, score: 0 };
  for (let i = 0; i < scan.times.length; i++) {
    const ti = scan.times[i];
    if (Math.abs(ti - t) <= radius && scan.scores[i] > best.score)
      best = { t: ti, score: scan.scores[i] };
  }
  return best;
}

// A cut's classes for recall: its type, and 'any dissolve' for cross-fades and dithered dissolves
// (both dissolves to an editor), 'short dissolve' for those of 0.4-0.8 s.
function classesOf(cut) {
  const keys = [cut.type];
  if (cut.type === 'fade' || cut.type === 'dissolve') {
    keys.push('any dissolve');
    if (cut.sec >= 0.4 - 1e-6 && cut.sec <= 0.8 + 1e-6) keys.push('short dissolve');
  }
  return keys;
}

const newTally = () => ({ tp: 0, fp: 0, fn: 0 });
function prf({ tp, fp, fn }) {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

async function main() {
  if (!['tune', 'test', 'all'].includes(args.half)) throw new Error('--half is tune, test or all');
  const videos = ensureEvalSet().videos.filter((v) => args.half === 'all' || v.half === args.half);
  const modes = args.modes.split(',').filter(Boolean);
  const threshold = args.threshold ? Number(args.threshold) : undefined;
  const detectors = [...modes.map((m) => `ours-${m}`), 'scdet'];
  const total = Object.fromEntries(detectors.map((d) => [d, newTally()]));
  const byEncoding = {};
  const byType = {}; // type -> { n, <detector>: hits }
  const byTag = {}; // tag -> { n, <detector>: hits }
  const fpCauses = Object.fromEntries(detectors.map((d) => [d, {}]));
  const distractorCount = {};
  const problems = [];
  const perVideo = [];

  for (const video of videos) {
    for (const d of video.distractors) distractorCount[d.type] = (distractorCount[d.type] ?? 0) + 1;
    for (const c of video.cuts) {
      for (const key of classesOf(c)) {
        byType[key] ??= { n: 0 };
        byType[key].n++;
      }
      for (const tag of c.tags) {
        byTag[tag] ??= { n: 0 };
        byTag[tag].n++;
      }
    }
    const row = { name: video.name, encoding: video.encoding, found: {} };
    for (const detector of detectors) {
      let found;
      let scan = null;
      if (detector === 'scdet') {
        found = scdet(video.file);
      } else {
        scan = await scanScenes(video.file, { fast: detector === 'ours-fast', threshold });
        found = scan.cuts;
      }
      row.found[detector] = found;
      const { gtHit, foundHit } = match(video.cuts, found);
      const tally = total[detector];
      byEncoding[`${video.encoding} ${video.fps}fps`] ??= Object.fromEntries(
        detectors.map((d) => [d, newTally()]),
      );
      const enc = byEncoding[`${video.encoding} ${video.fps}fps`][detector];
      gtHit.forEach((j, i) => {
        const cut = video.cuts[i];
        if (j >= 0) {
          tally.tp++;
          enc.tp++;
          for (const key of classesOf(cut))
            byType[key][detector] = (byType[key][detector] ?? 0) + 1;
          for (const tag of cut.tags) byTag[tag][detector] = (byTag[tag][detector] ?? 0) + 1;
        } else {
          tally.fn++;
          enc.fn++;
          if (scan) {
            const pk = peak(scan, cut.t);
            problems.push({
              detector,
              kind: 'miss',
              video: video.name,
              encoding: video.encoding,
              t: cut.t,
              type: [cut.type, ...cut.tags].join('/'),
              sec: cut.sec,
              peak: pk,
              nearestFound: found.reduce(
                (b, f) => (Math.abs(f - cut.t) < Math.abs(b - cut.t) ? f : b),
                Number.POSITIVE_INFINITY,
              ),
              trace: trace(scan, cut.t, Math.max(0.45, cut.sec / 2 + 0.2)),
            });
          }
        }
      });
      foundHit.forEach((i, j) => {
        if (i >= 0) return;
        tally.fp++;
        enc.fp++;
        const cause = causeOf(found[j], video);
        fpCauses[detector][cause] = (fpCauses[detector][cause] ?? 0) + 1;
        if (scan) {
          problems.push({
            detector,
            kind: 'false',
            video: video.name,
            encoding: video.encoding,
            t: found[j],
            cause,
            peak: peak(scan, found[j], 0.05),
            nearby: peak(scan, found[j], 1),
            trace: trace(scan, found[j]),
          });
        }
      });
    }
    perVideo.push(row);
  }

  const pct = (v) => `${(100 * v).toFixed(1)}%`.padStart(7);
  const pad = (s, n) => String(s).padEnd(n);
  const cutCount = videos.reduce((s, v) => s + v.cuts.length, 0);
  const seconds = videos.reduce((s, v) => s + v.durationSec, 0);
  console.log(
    `${args.half} half: ${videos.length} videos, ${seconds.toFixed(0)} s, ${cutCount} transitions; tolerance +-${TOLERANCE} s; ours threshold ${threshold ?? 'default'}, scdet threshold ${SCDET_THRESHOLD}`,
  );
  console.log(`decoder-native native/ at ${nativeVersion()}\n`);
  console.log(`${pad('detector', 12)}   TP   FP   FN  precision  recall      F1`);
  for (const d of detectors) {
    const t = total[d];
    const m = prf(t);
    console.log(
      `${pad(d, 12)} ${String(t.tp).padStart(4)} ${String(t.fp).padStart(4)} ${String(t.fn).padStart(4)}   ${pct(m.p)} ${pct(m.r)} ${pct(m.f1)}`,
    );
  }
  console.log(`\nrecall per transition type (hits / n; 'any dissolve' = fade + dissolve)`);
  console.log(`${pad('type', 18)} ${detectors.map((d) => pad(d, 12)).join(' ')}`);
  for (const [type, t] of Object.entries(byType)) {
    console.log(
      `${pad(`${type} (${t.n})`, 18)} ${detectors.map((d) => pad(`${t[d] ?? 0}/${t.n} ${pct((t[d] ?? 0) / t.n).trim()}`, 12)).join(' ')}`,
    );
  }
  console.log(`\nrecall per tag (hits / n)`);
  for (const [tag, t] of Object.entries(byTag)) {
    console.log(
      `${pad(`${tag} (${t.n})`, 18)} ${detectors.map((d) => pad(`${t[d] ?? 0}/${t.n} ${pct((t[d] ?? 0) / t.n).trim()}`, 12)).join(' ')}`,
    );
  }
  console.log(`\nF1 per encoding`);
  for (const [enc, t] of Object.entries(byEncoding)) {
    console.log(
      `${pad(enc, 14)} ${detectors.map((d) => `${d} ${pct(prf(t[d]).f1).trim()} (fp ${t[d].fp}, fn ${t[d].fn})`).join('   ')}`,
    );
  }
  console.log(
    `\nfalse positives by cause (distractors in the set: ${Object.entries(distractorCount)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')})`,
  );
  for (const d of detectors) {
    const causes =
      Object.entries(fpCauses[d])
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none';
    console.log(`${pad(d, 12)} ${causes}`);
  }
  if (!args.quiet && problems.length) {
    console.log(
      `\nours, every miss and false alarm (peak = highest score within 0.5 s; trace = t:score)`,
    );
    for (const p of problems) {
      const what =
        p.kind === 'miss'
          ? `MISS ${p.type} (${p.sec.toFixed(2)} s) at ${p.t.toFixed(3)}; peak ${p.peak.score.toFixed(3)} at ${p.peak.t?.toFixed(3)}; nearest found ${Number.isFinite(p.nearestFound) ? p.nearestFound.toFixed(3) : '-'}`
          : `FALSE at ${p.t.toFixed(3)} (${p.cause}); score there ${p.peak.score.toFixed(3)}, strongest within 1 s ${p.nearby.score.toFixed(3)} at ${p.nearby.t?.toFixed(3)}`;
      console.log(
        `${pad(p.detector, 11)} ${pad(p.video, 8)} ${pad(p.encoding, 13)} ${what}\n    ${p.trace}`,
      );
    }
  }
  if (args.json) {
    writeFileSync(
      args.json,
      JSON.stringify({ total, byType, byTag, byEncoding, fpCauses, problems, perVideo }, null, 1),
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
