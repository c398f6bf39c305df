// Bench variant (e): the decode half of `classify` as the pipeline runs it, a whole node
// process: one scan that keeps frames on the way, the pipeline's keyframe plan, the kept frames
// taken (the rest grabbed with a seek), and a JPEG of each with sharp, written to outDir.
//   node bench/classify.mjs video outDir
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { scanScenes } from '@imajin/decoder-native';
// The pipeline's own modules, by path: its index would also load the scorers (tfjs), which
// this half of classify does not use.
import { grabKeyframes } from '../../pipeline/dist/classify/grab-keyframes.js';
import { planKeyframes } from '../../pipeline/dist/sampling/plan.js';

// sharp is a dependency of packages/pipeline; resolve it from there rather than adding it here.
const sharp = createRequire(new URL('../../pipeline/package.json', import.meta.url))('sharp');

const [file, outDir] = process.argv.slice(2);
const scan = await scanScenes(file, { capture: true });
const plan = planKeyframes(scan);
const { frames, fromScan } = await grabKeyframes(file, plan, scan);
scan.captured?.release();
await Promise.all(
  frames.map(async (f, i) => {
    const jpeg = await sharp(f.data, { raw: { width: f.width, height: f.height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await writeFile(join(outDir, `kf-${i}.jpg`), jpeg);
  }),
);
console.log(JSON.stringify({ keyframes: frames.map((f) => f.t), fromScan }));
