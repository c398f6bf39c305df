// Seeded mutations of a real video, for robustness tests: byte flips, overwritten runs,
// cut-outs, duplicated chunks and truncation, as damaged storage or a hostile sender produces.

/** xorshift32: deterministic, seedable. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x100000000;
  };
}

export function mutate(original: Buffer, seed: number): Buffer {
  const random = rng(seed);
  const int = (n: number) => Math.floor(random() * n);
  let bytes = Buffer.from(original);
  const edits = 1 + int(4);
  for (let e = 0; e < edits; e++) {
    const at = int(bytes.length);
    const kind = random();
    switch (kind < 0.5 ? 0 : kind < 0.75 ? 1 : kind < 0.83 ? 2 : kind < 0.91 ? 3 : 4) {
      case 0: // flip a few bytes
        for (let i = 0; i < 1 + int(16); i++) {
          const p = int(bytes.length);
          bytes[p] = (bytes[p] ?? 0) ^ (1 + int(255));
        }
        break;
      case 1: // overwrite a run with one value (0, 0xff or random): sizes, counts, offsets
        bytes.fill([0, 0xff, int(256)][int(3)] ?? 0, at, Math.min(bytes.length, at + 1 + int(64)));
        break;
      case 2: // cut a chunk out
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          bytes.subarray(Math.min(bytes.length, at + 1 + int(4096))),
        ]);
        break;
      case 3: {
        // duplicate a chunk
        const len = 1 + int(4096);
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          bytes.subarray(at, at + len),
          bytes.subarray(at),
        ]);
        break;
      }
      default: // truncate
        bytes = bytes.subarray(0, Math.max(1, at));
    }
    if (bytes.length === 0) bytes = Buffer.from([0]);
  }
  return bytes;
}
