// Bench variant (e): our scan, then the keyframes grabbed in process and encoded to JPEG with
// sharp (the pipeline's), written to outDir: the decode half of `classify`, a whole node process.
//   node bench/classify.mjs video outDir
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { grabFrames, scanScenes } from '@imajin/decoder-native';
import { keyframeTimes } from './keyframes.mjs';

// sharp is a dependency of packages/pipeline; resolve it from there rather than adding it here.
const sharp = createRequire(new URL('../../pipeline/package.json', import.meta.url))('sharp');

const [file, outDir] = process.argv.slice(2);
const scan = await scanScenes(file);
const times = keyframeTimes(scan.scenes);
const frames = await grabFrames(file, times, { maxSide: 640 });
await Promise.all(
  frames.map(async (f, i) => {
    const jpeg = await sharp(f.data, { raw: { width: f.width, height: f.height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer();
    await writeFile(join(outDir, `kf-${i}.jpg`), jpeg);
  }),
);
console.log(JSON.stringify({ keyframes: times }));
