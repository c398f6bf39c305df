import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { EXIT, UsageError } from '../lib/errors.js';
import { logErr } from '../lib/output.js';
import { ReportCollector } from './collect.js';
import { readLines } from './lines.js';
import type { ReportVideo } from './model.js';
import { renderHead, renderTail } from './page.js';
import { jsonlDirOf, PosterThumbnails, type Thumbnail } from './poster.js';
import { parseRecord } from './record.js';
import { renderRow } from './row.js';

export interface ReportFlags {
  out: string;
  posters?: string;
}

/** Thumbnails made at once: sharp works on libuv's pool, and each holds a decoded poster. */
const THUMB_CONCURRENCY = 4;

/**
 * `report <results.jsonl> -o report.html`: one self-contained HTML page of a backfill's results.
 * The JSONL is streamed line by line; each poster becomes a small thumbnail as its line is read,
 * so the big base64 strings never pile up. Exits 0 once the page is written, whatever it shows.
 */
export async function runReport(file: string, flags: ReportFlags): Promise<number> {
  const isFile = await stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
  if (!isFile) throw new UsageError(`report: ${file} is not a file (want a backfill's JSONL)`);
  if (flags.posters) {
    const isDir = await stat(flags.posters).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) throw new UsageError(`report: --posters ${flags.posters} is not a folder`);
  }
  const out = resolve(flags.out);
  const posters = new PosterThumbnails({
    ...(flags.posters ? { postersDir: flags.posters } : {}),
    jsonlDir: jsonlDirOf(file),
    outDir: dirname(out),
  });

  const collector = new ReportCollector();
  const thumbs = new Map<ReportVideo, Thumbnail | null>();
  const inFlight = new Set<Promise<void>>();
  const skipped: string[] = []; // the first few lines skipped, named on stderr
  let skippedCount = 0;
  const skip = (why: string) => {
    if (skippedCount++ < 5) skipped.push(why);
  };
  for await (const line of readLines(file)) {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      collector.addUnreadable();
      skip(`line ${line.number}: not JSON`);
      continue;
    }
    const parsed = parseRecord(value, line.number);
    if ('unrecognised' in parsed) {
      collector.addUnrecognised();
      skip(`line ${line.number}: ${parsed.unrecognised}`);
      continue;
    }
    const video = parsed.video;
    if (!collector.add(video) || !posters.mayHave(video)) continue;
    const job = posters.of(video).then((t) => {
      thumbs.set(video, t);
      video.poster = null; // the base64 poster is not needed any more
      inFlight.delete(job);
    });
    inFlight.add(job);
    if (inFlight.size >= THUMB_CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  const videos = collector.videos();
  const summary = collector.summary();
  const withPoster = videos.filter((v) => thumbs.get(v)).length;
  const expected = videos.filter((v) => v.status !== 'failed').length;
  for (const why of skipped) logErr(`report: ${file}: ${why}, skipped`);
  if (skippedCount > skipped.length)
    logErr(`report: ${file}: …and ${skippedCount - skipped.length} more lines skipped`);

  // Written beside the target and renamed: a failed run never leaves half a page behind.
  const tmp = `${out}.${process.pid}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      // Rows are written in batches of about 256 KB: few syscalls, bounded memory.
      let batch: string[] = [];
      let batchChars = 0;
      const write = async (s: string, flush = false) => {
        batch.push(s);
        batchChars += s.length;
        if (!flush && batchChars < 256 * 1024) return;
        await fh.write(batch.join(''));
        batch = [];
        batchChars = 0;
      };
      await write(
        renderHead(summary, {
          source: file,
          generatedAt: new Date(),
          posters: { shown: withPoster, missing: Math.max(0, expected - withPoster) },
        }),
      );
      for (const v of videos) await write(renderRow(v, thumbs.get(v) ?? null));
      await write(renderTail(summary), true);
    } finally {
      await fh.close();
    }
    await rename(tmp, out);
  } catch (err) {
    await rm(tmp, { force: true });
    logErr(
      `report: cannot write ${flags.out}: ${err instanceof Error ? err.message : String(err)}`,
    );
    return EXIT.FAILED;
  }
  const size = (await stat(out)).size;
  const b = summary.byStatus;
  logErr(
    `report: ${summary.videos} videos (explicit ${b.explicit}, suggestive ${b.suggestive}, sfw ${b.sfw}, failed ${b.failed}) written to ${flags.out} (${(size / 1024).toFixed(0)} KB)`,
  );
  return EXIT.OK;
}
