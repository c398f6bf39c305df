// Bench variant (c): our scene scan as a user runs it, a whole node process.
//   node bench/scan.mjs video [--exact]
import { scanScenes } from '@imajin/decoder-native';

const [file, flag] = process.argv.slice(2);
const scan = await scanScenes(file, { fast: flag !== '--exact' });
console.log(
  JSON.stringify({
    cuts: scan.cuts.length,
    framesDecoded: scan.framesDecoded,
    scored: scan.times.length,
  }),
);
