import type { Scene } from './types.js';

/** Scenes covering [0, durationSec], split at the cuts (ascending, inside the video). */
export function scenesFromCuts(cuts: readonly number[], durationSec: number): Scene[] {
  const scenes: Scene[] = [];
  let start = 0;
  for (const cut of cuts) {
    scenes.push({ start, end: cut });
    start = cut;
  }
  scenes.push({ start, end: Math.max(start, durationSec) });
  return scenes;
}
