import { loadDecoder } from '../deps.js';
import { EXIT } from '../lib/errors.js';
import { describeDecodeFailure } from '../lib/failure.js';
import { jsonDocument, logErr, writeStdout } from '../lib/output.js';
import { duration, fixed, renderTable } from '../lib/table.js';
import type { SceneScan } from '../types.js';
import { interruptSignal } from './shared.js';

export interface ScenesFlags {
  threshold?: number;
  json?: boolean;
}

/** Seconds rounded to the millisecond: presentation times carry no more precision than that. */
const ms = (t: number): number => Math.round(t * 1000) / 1000;

export function scenesJson(scan: SceneScan): {
  duration_sec: number;
  cuts: number[];
  scenes: { start: number; end: number }[];
  departures: { start: number; end: number; peak: number }[];
} {
  return {
    duration_sec: ms(scan.durationSec),
    cuts: scan.cuts.map(ms),
    scenes: scan.scenes.map((s) => ({ start: ms(s.start), end: ms(s.end) })),
    departures: scan.departures.map((d) => ({
      start: ms(d.start),
      end: ms(d.end),
      peak: ms(d.peak),
    })),
  };
}

/** `scenes <file>`: the scene scan only (decoder-native; the scoring model is never loaded). */
export async function runScenes(file: string, flags: ScenesFlags): Promise<number> {
  const decoder = await loadDecoder();
  const interrupt = interruptSignal();
  try {
    const scan = await decoder.scanScenes(file, {
      ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
      signal: interrupt.signal,
    });
    if (flags.json) {
      await writeStdout(jsonDocument(scenesJson(scan), true));
      return EXIT.OK;
    }
    const i = scan.info;
    const lines = [
      `${file}: ${scan.scenes.length} scene${scan.scenes.length === 1 ? '' : 's'}, ${scan.cuts.length} cut${scan.cuts.length === 1 ? '' : 's'} · ${duration(scan.durationSec)} · ${i.displayWidth}x${i.displayHeight} ${i.codec} ${fixed(i.frameRate, 2)} fps · threshold ${scan.threshold}`,
      '',
      ...renderTable(
        [
          { header: 'scene', align: 'right' },
          { header: 'start (s)', align: 'right' },
          { header: 'end (s)', align: 'right' },
          { header: 'length (s)', align: 'right' },
        ],
        scan.scenes.map((s, n) => [
          String(n),
          fixed(s.start, 3),
          fixed(s.end, 3),
          fixed(s.end - s.start, 3),
        ]),
      ).map((l) => `  ${l}`),
    ];
    if (scan.cuts.length > 0)
      lines.push('', `  cuts at ${scan.cuts.map((c) => fixed(c, 3)).join(', ')} s`);
    if (scan.departures.length > 0) {
      lines.push(
        '',
        `  ${scan.departures.length} departure${scan.departures.length === 1 ? '' : 's'} (where the picture leaves the shot; each gets a keyframe at its peak):`,
        '',
        ...renderTable(
          [
            { header: 'departure', align: 'right' },
            { header: 'start (s)', align: 'right' },
            { header: 'end (s)', align: 'right' },
            { header: 'peak (s)', align: 'right' },
          ],
          scan.departures.map((d, n) => [
            String(n),
            fixed(d.start, 3),
            fixed(d.end, 3),
            fixed(d.peak, 3),
          ]),
        ).map((l) => `  ${l}`),
      );
    }
    await writeStdout(`${lines.join('\n')}\n`);
    return EXIT.OK;
  } catch (err) {
    if (interrupt.interrupted()) return EXIT.INTERRUPTED;
    const info = describeDecodeFailure(err);
    logErr(`${file}: failed: ${info.error_code}: ${info.error}`);
    if (flags.json) await writeStdout(jsonDocument(info, true));
    return EXIT.FAILED;
  } finally {
    interrupt.dispose();
  }
}
