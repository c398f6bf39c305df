import { loadDecoder, loadPipeline } from '../deps.js';
import { DEFAULT_BAND } from '../lib/band.js';
import { EXIT } from '../lib/errors.js';
import {
  buildEstimateReport,
  type EstimateReport,
  reportBands,
  type VideoEstimate,
} from '../lib/estimate-report.js';
import { describeDecodeFailure } from '../lib/failure.js';
import { renderHistogram } from '../lib/histogram.js';
import { collectInputs } from '../lib/inputs.js';
import { jsonDocument, logErr, writeStdout } from '../lib/output.js';
import { runPool } from '../lib/pool.js';
import { createBatchProgress } from '../lib/progress.js';
import { duration, fixed, renderTable } from '../lib/table.js';
import type { Band, ErrorInfo } from '../types.js';
import { interruptSignal, seconds } from './shared.js';

export interface EstimateFlags {
  band?: Band[];
  keyframes?: number;
  threshold?: number;
  secPerCall: number;
  concurrency: number;
  perVideo?: boolean;
  json?: boolean;
}

/**
 * `estimate <inputs...>`: the scene scan alone on every video, then the keyframe plan per band,
 * i.e. the scorer calls a backfill would make before near-duplicates are dropped.
 */
export async function runEstimate(args: string[], flags: EstimateFlags): Promise<number> {
  const paths = await collectInputs(args);
  if (paths.length === 0) logErr(`estimate: no videos found in ${args.join(' ')}`);
  const [decoder, pipeline] = await Promise.all([loadDecoder(), loadPipeline()]);
  const bands = reportBands(DEFAULT_BAND, flags.band);
  const keyframes = flags.keyframes ?? null;
  const interrupt = interruptSignal();
  const progress = createBatchProgress(paths.length, 'estimate');
  const started = Date.now();
  const results: (VideoEstimate | undefined)[] = [];
  const failures: (ErrorInfo & { path: string; index: number })[] = [];
  try {
    await runPool(
      paths,
      flags.concurrency,
      async (path, index) => {
        progress.status(path);
        try {
          const scan = await decoder.scanScenes(path, {
            ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
            signal: interrupt.signal,
          });
          const calls = bands.map(
            (band) => pipeline.planKeyframes(scan, { keyframes, band }).maxScorerCalls,
          );
          results[index] = {
            path,
            duration_sec: scan.durationSec,
            scenes: scan.scenes.length,
            departures: scan.departures.length,
            calls,
          };
          progress.itemDone(
            `${path}: ${scan.scenes.length} scenes, ${scan.departures.length} departures, ${calls[0]} keyframes`,
          );
        } catch (err) {
          if (interrupt.interrupted()) return;
          const info = describeDecodeFailure(err);
          failures.push({ ...info, path, index });
          progress.itemDone(`${path}: failed: ${info.error_code}: ${info.error}`);
        }
      },
      interrupt.interrupted,
    );
  } finally {
    progress.stop();
    interrupt.dispose();
  }
  if (interrupt.interrupted()) return EXIT.INTERRUPTED;
  failures.sort((a, b) => a.index - b.index);
  const report = buildEstimateReport({
    bands,
    keyframes,
    secPerCall: flags.secPerCall,
    videos: results.filter((r): r is VideoEstimate => r !== undefined),
    failures,
  });
  if (flags.json) await writeStdout(jsonDocument(report, true));
  else
    await writeStdout(
      `${renderEstimate(report, Date.now() - started, flags.perVideo === true).join('\n')}\n`,
    );
  return report.failed > 0 ? EXIT.FAILED : EXIT.OK;
}

function renderEstimate(r: EstimateReport, elapsedMs: number, perVideo: boolean): string[] {
  const lines = [
    `estimate: ${r.videos} video${r.videos === 1 ? '' : 's'} scanned, ${r.failed} failed, in ${seconds(elapsedMs)}`,
    '',
    `keyframes per video (band ${r.band}${r.keyframes !== null ? `, forced ${r.keyframes}` : ''}):`,
    ...renderHistogram(r.histogram.map((b) => ({ value: b.keyframes, count: b.videos }))).map(
      (l) => `  ${l}`,
    ),
    '',
    ...renderTable(
      [
        { header: 'band' },
        { header: 'scorer calls', align: 'right' },
        { header: `GPU time at ${r.sec_per_call} s/call`, align: 'right' },
      ],
      r.bands.map((b, i) => [
        `${b.band}${i === 0 ? ' (current)' : ''}`,
        String(b.total_calls),
        duration(b.gpu_seconds),
      ]),
    ).map((l) => `  ${l}`),
    '',
    `Upper bound: deduplication is not counted (near-duplicate frames are dropped only at classify time).`,
  ];
  if (perVideo && r.per_video.length > 0) {
    lines.push(
      '',
      ...renderTable(
        [
          { header: 'video' },
          { header: 'duration', align: 'right' },
          { header: 'scenes', align: 'right' },
          { header: 'departures', align: 'right' },
          { header: 'keyframes', align: 'right' },
        ],
        r.per_video.map((v) => [
          v.path,
          fixed(v.duration_sec, 1),
          String(v.scenes),
          String(v.departures),
          String(v.keyframes),
        ]),
      ).map((l) => `  ${l}`),
    );
  }
  if (r.failures.length > 0) {
    lines.push('', 'failed:', ...r.failures.map((f) => `  ${f.path}: ${f.error_code}: ${f.error}`));
  }
  return lines;
}
