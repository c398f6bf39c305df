// The most keyframes a video may be asked for (the band's max, a forced count). Memory sets
// it: the scan keeps up to max(128, 8 × band.max) candidate frames as RGB at 640 px (up to
// 0.9 MB each) and thinning them is quadratic, so 32 holds at most ~236 MB per video while a
// band of 1000 would hold ~7 GB. The server's KEYFRAMES_MAX and the CLI's --band and
// --keyframes share this bound.
export const MAX_KEYFRAMES = 32;

/** Throws a RangeError naming the bound when classifyVideo's band asks for more. */
export function checkKeyframeLimit(band: { max: number } | undefined): void {
  if (band && band.max > MAX_KEYFRAMES) {
    throw new RangeError(
      `band max ${band.max} is over the limit of ${MAX_KEYFRAMES} keyframes a video (each frame the scan keeps is up to 0.9 MB, and it keeps up to 8 × the band's max)`,
    );
  }
}
