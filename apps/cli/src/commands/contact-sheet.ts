import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { loadDecoder } from '../deps.js';
import { type ClassifierFlags, createClassifier } from '../lib/classifier.js';
import { renderContactSheet } from '../lib/contact-sheet.js';
import { EXIT } from '../lib/errors.js';
import { fileProgress } from '../lib/file-progress.js';
import { logErr } from '../lib/output.js';
import { interruptSignal } from './shared.js';

export interface ContactSheetFlags extends ClassifierFlags {
  out: string;
  columns?: number;
  cellWidth: number;
}

/** `contact-sheet <file> -o sheet.png`: classifies, grabs the scored frames again, draws the grid. */
export async function runContactSheet(file: string, flags: ContactSheetFlags): Promise<number> {
  const classifier = await createClassifier(flags);
  const interrupt = interruptSignal();
  const progress = fileProgress(file);
  try {
    const result = await classifier.classify(file, {
      signal: interrupt.signal,
      onProgress: progress.onProgress,
    });
    progress.stop();
    const decoder = await loadDecoder();
    const frames = await decoder.grabFrames(
      file,
      result.frames.map((f) => f.t),
      { maxSide: flags.cellWidth, signal: interrupt.signal },
    );
    const { png, layout } = await renderContactSheet({
      title: basename(file),
      result,
      frames,
      cellWidth: flags.cellWidth,
      ...(flags.columns !== undefined ? { columns: flags.columns } : {}),
    });
    await writeFile(flags.out, png);
    logErr(
      `${file}: ${result.explicitness}; ${result.frames.length} frames in a ${layout.columns}x${layout.rows} grid (${layout.width}x${layout.height} px) written to ${flags.out}`,
    );
    return EXIT.OK;
  } catch (err) {
    progress.stop();
    if (interrupt.interrupted()) return EXIT.INTERRUPTED;
    const info = classifier.describe(err);
    logErr(`${file}: failed: ${info.error_code}: ${info.error}`);
    return EXIT.FAILED;
  } finally {
    interrupt.dispose();
    await classifier.close();
  }
}
