import { duration, fixed } from '../lib/table.js';
import { esc } from './escape.js';
import type { ReportFrame, ReportVideo } from './model.js';
import type { Thumbnail } from './poster.js';
import { timelineOf } from './timeline.js';

// One video's row. Its element carries data-path (the video's path, verbatim), data-status
// and the sort keys, so the page's script and people's own scripts can find rows without
// knowing the layout. A failed row names its error_code as text.

export function renderRow(v: ReportVideo, thumb: Thumbnail | null): string {
  const data = [
    `data-path="${esc(v.path)}"`,
    `data-status="${v.status}"`,
    v.nsfwMax !== null ? `data-nsfw="${v.nsfwMax.toFixed(3)}"` : '',
    v.quality !== null ? `data-quality="${v.quality.toFixed(3)}"` : '',
    v.durationSec !== null ? `data-duration="${v.durationSec.toFixed(2)}"` : '',
    v.error ? `data-error-code="${esc(v.error.code)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `<li class="v ${v.status}" ${data}>${posterCell(v, thumb)}<div class="name"><span class="path">${esc(v.path)}</span><span class="meta">${esc(metaOf(v))}</span></div><div class="dur num">${v.durationSec !== null ? duration(v.durationSec) : '—'}</div><div class="verdict"><span class="badge ${v.status}">${v.status}</span></div><div class="num">${numOrDash(v.quality)}</div><div class="num">${numOrDash(v.nsfwMax)}</div>${v.error ? errorCell(v.error) : timelineCell(v)}</li>\n`;
}

function posterCell(v: ReportVideo, thumb: Thumbnail | null): string {
  if (!thumb) return `<div class="poster none">${v.status === 'failed' ? '' : 'no poster'}</div>`;
  const img = `<img src="${thumb.dataUri}" width="${thumb.width}" height="${thumb.height}" alt="poster" loading="lazy" decoding="async">`;
  return `<div class="poster">${thumb.href ? `<a href="${esc(thumb.href)}" title="full-size poster">${img}</a>` : img}</div>`;
}

function metaOf(v: ReportVideo): string {
  if (v.error) return v.sha256 ? `sha256 ${v.sha256.slice(0, 12)}` : 'not hashed';
  const parts = [
    `${v.frames.length} frame${v.frames.length === 1 ? '' : 's'} · ${v.sceneCount} scene${v.sceneCount === 1 ? '' : 's'}`,
  ];
  if (v.width && v.height) parts.push(`${v.width}×${v.height}${v.codec ? ` ${v.codec}` : ''}`);
  if (v.departures) {
    parts.push(
      `departures ${v.departures.found}${v.departures.scored !== null ? ` (${v.departures.scored} scored)` : ''}`,
    );
  }
  return parts.join(' · ');
}

function errorCell(e: NonNullable<ReportVideo['error']>): string {
  return `<div class="err"><code class="error-code">${esc(e.code)}</code>${e.retryable ? ' <span class="retry">retryable</span>' : ''} <span class="msg">${esc(e.message)}</span></div>`;
}

function timelineCell(v: ReportVideo): string {
  const tl = timelineOf(v);
  const scenes = tl.scenes
    .map((s) => {
      const title = s.first === s.last ? `scene ${s.first}` : `scenes ${s.first}–${s.last}`;
      const cls = s.sampled ? (s.first % 2 === 0 ? 'sc' : 'sc odd') : 'sc gap';
      return `<i class="${cls}" style="left:${s.left}%;width:${s.width}%" title="${s.sampled ? title : `${title}: no frame scored`}"></i>`;
    })
    .join('');
  const bands = tl.bands
    .map(
      (b) =>
        `<b class="band" style="left:${b.left}%;width:${b.width}%" data-start="${b.start}" data-end="${b.end}" title="explicit ${fixed(b.start)}–${fixed(b.end)} s"></b>`,
    )
    .join('');
  // One tab stop per strip (the page's script moves a roving tabindex with the arrow keys).
  // data-f holds "t scene nsfw suggestive quality"; the script words it for the tooltip.
  const ticks = tl.ticks
    .map(
      (k, i) =>
        `<span class="tick ${k.frame.explicitness}${k.frame.poster ? ' p' : ''}" style="left:${k.left}%;--h:${tickHeight(k.frame)}%"${i === 0 ? ' tabindex="0"' : ''} data-f="${frameData(k.frame)}"></span>`,
    )
    .join('');
  return `<div class="tl"><div class="track" role="group" aria-label="scored frames over ${duration(tl.spanSec)}">${scenes}${bands}${ticks}</div><div class="axis"><span>0</span><span>${duration(tl.spanSec)}</span></div></div>`;
}

/** A tick grows with the frame's higher score, nsfw or suggestive: how close it came to a line. */
function tickHeight(f: ReportFrame): number {
  return Math.round(25 + 75 * Math.max(f.nsfw, f.suggestive));
}

/** A frame's numbers, space-separated: t (s), scene, nsfw, suggestive, quality. */
function frameData(f: ReportFrame): string {
  return `${round3(f.t)} ${f.scene} ${fixed(f.nsfw)} ${fixed(f.suggestive)} ${fixed(f.quality)}`;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function numOrDash(n: number | null): string {
  return n === null ? '—' : fixed(n);
}
