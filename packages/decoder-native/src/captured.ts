// The TS face of the frames a scan kept (native CapturedFrames): index checks before the addon,
// a nearest-in-window lookup, libav failures mapped like every other call's.
import { DecodeError, toDecodeError } from './errors.js';
import type { NativeCapturedFrames } from './native.js';
import type { CapturedFrames, RgbFrame } from './types.js';

export class CapturedFrameSet implements CapturedFrames {
  readonly times: Float64Array;
  #native: NativeCapturedFrames | null;

  constructor(native: NativeCapturedFrames) {
    this.#native = native;
    this.times = native.times;
  }

  get byteLength(): number {
    return this.#native?.byteLength ?? 0;
  }

  nearest(t: number, lo: number, hi: number): number {
    const { times } = this;
    // First index with times[i] >= t, then the closer of it and its predecessor.
    let a = 0;
    let b = times.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if ((times[mid] as number) < t) a = mid + 1;
      else b = mid;
    }
    let best = -1;
    for (const i of [a - 1, a]) {
      const ti = times[i];
      if (ti === undefined || ti < lo || ti > hi) continue;
      if (best < 0 || Math.abs(ti - t) < Math.abs((times[best] as number) - t)) best = i;
    }
    return best;
  }

  async take(indices: readonly number[]): Promise<RgbFrame[]> {
    const native = this.#native;
    if (!native) throw new DecodeError('INVALID_ARGUMENT', 'the captured frames were released');
    for (const i of indices) {
      if (!Number.isInteger(i) || i < 0 || i >= this.times.length) {
        throw new DecodeError(
          'INVALID_ARGUMENT',
          `no captured frame ${i} (there are ${this.times.length})`,
        );
      }
    }
    if (indices.length === 0) return [];
    try {
      return await native.take(Uint32Array.from(indices));
    } catch (err) {
      throw toDecodeError(err);
    }
  }

  release(): void {
    this.#native?.release();
    this.#native = null;
  }
}
