// The keyframes both recipes grab: the middle of each scene, and more inside scenes longer than
// MAX_GAP_SEC, so no stretch of the video goes unsampled for longer (as the pipeline samples).
const MAX_GAP_SEC = 4;

/** Keyframe times (seconds) for scenes [{ start, end }]. */
export function keyframeTimes(scenes) {
  const times = [];
  for (const { start, end } of scenes) {
    const count = Math.max(1, Math.ceil((end - start) / MAX_GAP_SEC));
    for (let i = 0; i < count; i++)
      times.push(Number((start + ((i + 0.5) * (end - start)) / count).toFixed(3)));
  }
  return times;
}
