import { writeFile } from 'node:fs/promises';
import { type ClassifierFlags, createClassifier } from '../lib/classifier.js';
import { EXIT, UsageError } from '../lib/errors.js';
import { fileProgress } from '../lib/file-progress.js';
import { jsonDocument, logErr, writeStdout } from '../lib/output.js';
import { renderVerdict, unscoredDepartures } from '../lib/verdict-format.js';
import { interruptSignal } from './shared.js';

export interface ClassifyFlags extends ClassifierFlags {
  poster?: string;
  json?: boolean;
}

/**
 * `classify <file...>`: one verdict per file, in order. Human text by default; with --json the
 * result object (one input) or `{path, result|error}` lines (several inputs) on stdout.
 */
export async function runClassify(files: string[], flags: ClassifyFlags): Promise<number> {
  if (flags.poster && files.length > 1) throw new UsageError('--poster takes one input file');
  const classifier = await createClassifier(flags);
  const interrupt = interruptSignal();
  const single = files.length === 1;
  let failed = 0;
  try {
    for (const [i, path] of files.entries()) {
      if (interrupt.interrupted()) return EXIT.INTERRUPTED;
      const progress = fileProgress(path);
      try {
        const result = await classifier.classify(path, {
          signal: interrupt.signal,
          onProgress: progress.onProgress,
        });
        progress.stop();
        if (flags.poster) await writeFile(flags.poster, Buffer.from(result.poster_b64, 'base64'));
        if (flags.json) {
          await writeStdout(jsonDocument(single ? result : { path, result }, single));
          const warning = unscoredDepartures(path, result);
          if (warning) logErr(warning);
        } else await writeStdout(`${i > 0 ? '\n' : ''}${renderVerdict(path, result).join('\n')}\n`);
        if (flags.poster)
          logErr(`poster (frame ${result.poster_frame_index}) written to ${flags.poster}`);
      } catch (err) {
        progress.stop();
        if (interrupt.interrupted()) return EXIT.INTERRUPTED;
        failed++;
        const info = classifier.describe(err);
        logErr(
          `${path}: failed: ${info.error_code}: ${info.error}${info.retryable ? ' (retryable)' : ''}`,
        );
        if (flags.json)
          await writeStdout(jsonDocument(single ? info : { path, error: info }, single));
      }
    }
  } finally {
    interrupt.dispose();
    await classifier.close();
  }
  return failed > 0 ? EXIT.FAILED : EXIT.OK;
}
