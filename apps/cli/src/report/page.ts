import { duration } from '../lib/table.js';
import { esc } from './escape.js';
import { type ReportSummary, STATUS_ORDER } from './model.js';
import { PAGE_SCRIPT } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

// The page around the rows: the summary at the top, the column headers (which sort), and the
// script at the end. Rows are written between head and tail (row.ts), so the page is streamed.

export interface PageMeta {
  /** The JSONL as the user named it. */
  source: string;
  generatedAt: Date;
  posters: { shown: number; missing: number };
}

export function renderHead(s: ReportSummary, meta: PageMeta): string {
  const title = `Backfill review — ${meta.source}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>${PAGE_STYLE}</style></head>
<body>
<header>
<h1>Backfill review <span class="src">${esc(meta.source)}</span></h1>
<p class="gen">${s.videos} video${s.videos === 1 ? '' : 's'} · generated ${meta.generatedAt.toISOString()} by imajin-video report</p>
${filters(s)}
${facts(s, meta)}
${s.warnings.length > 0 ? `<div class="warn" role="alert">${s.warnings.map((w) => `<p>${esc(w)}</p>`).join('')}</div>` : ''}
<div class="controls">
<input type="search" id="q" placeholder="search paths  ( / )" aria-label="search paths" autocomplete="off">
<span id="shown" aria-live="polite">${s.videos} of ${s.videos} shown</span>
${LEGEND}
</div>
</header>
<div class="cols" role="group" aria-label="sort by">
<span>poster</span>${sortButton('path', 'path')}<span class="num">${sortButton('duration', 'duration')}</span>${sortButton('verdict', 'verdict', true)}<span class="num">${sortButton('quality', 'quality')}</span><span class="num">${sortButton('nsfw', 'nsfw max')}</span><span>timeline: scenes, scored frames, explicit segments</span>
</div>
<ol id="videos">
`;
}

export function renderTail(s: ReportSummary): string {
  const empty = s.videos === 0 ? '<p class="empty">No backfill records in this file.</p>\n' : '';
  return `</ol>
${empty}<div id="tip" role="tooltip" hidden></div>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}

const LEGEND = `<span class="legend" aria-hidden="true"><span><i style="background:var(--explicit)"></i>explicit frame</span><span><i style="background:var(--suggestive)"></i>suggestive</span><span><i style="background:var(--sfw)"></i>sfw (height: the higher of nsfw and suggestive)</span><span><i style="background:rgba(198,40,40,.28);border:1px solid var(--explicit)"></i>explicit segment</span><span><i style="background:#c9d1d9"></i>scenes</span><span><i style="background:repeating-linear-gradient(135deg,#eef1f4 0 4px,#cfd6dd 4px 6px)"></i>scenes not scored</span><span>▼ poster</span></span>`;

function filters(s: ReportSummary): string {
  const buttons = STATUS_ORDER.map(
    (st) =>
      `<button type="button" class="f ${st}" data-filter="${st}" aria-pressed="true"><span class="count" data-count="${st}">${s.byStatus[st]}</span> ${st}</button>`,
  ).join('');
  return `<div class="filters" role="group" aria-label="show verdicts">${buttons}</div>`;
}

function facts(s: ReportSummary, meta: PageMeta): string {
  const rows: [string, string][] = [];
  rows.push([
    'failure codes',
    s.failureCodes.length === 0
      ? 'none'
      : s.failureCodes
          .map(
            (c) =>
              `<span data-failure-code="${esc(c.name)}"><code>${esc(c.name)}</code> ${c.videos}</span>`,
          )
          .join(' · '),
  ]);
  rows.push([
    s.scorers.length > 1 ? 'scorers' : 'scorer',
    s.scorers.length === 0
      ? '—'
      : s.scorers
          .map(
            (c) =>
              `<span data-scorer="${esc(c.name)}">${esc(c.name)} (${c.videos})</span>${c.name.startsWith('local:') ? ' <span class="note">embedded model: not model-boss calibration</span>' : ''}`,
          )
          .join('<br>'),
  ]);
  rows.push([
    s.rubrics.length > 1 ? 'rubrics' : 'rubric',
    s.rubrics.length === 0
      ? '—'
      : s.rubrics
          .map(
            (r) =>
              `<span data-rubric="${esc(r.fingerprint)}">${esc(r.version)} <code title="${esc(r.fingerprint)}">${esc(r.fingerprint.slice(0, 12))}</code> (${r.videos})</span>`,
          )
          .join('<br>'),
  ]);
  rows.push(['scorer calls', `<span id="scorer-calls">${s.scorerCalls}</span>`]);
  rows.push(['video time', duration(s.totalDurationSec)]);
  if (s.departures) {
    rows.push(['departures', `${s.departures.found} found, ${s.departures.scored} scored`]);
  }
  rows.push(['posters', `${meta.posters.shown} shown, ${meta.posters.missing} missing`]);
  const l = s.lines;
  rows.push([
    'lines',
    `${l.read} read · ${l.superseded} superseded by a later line for the same video · ${l.unreadable + l.unrecognised} not readable`,
  ]);
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function sortButton(key: string, label: string, on = false): string {
  return `<button type="button" data-sort="${key}" aria-pressed="${on}">${label}<span class="dir">${on ? ' ▼' : ''}</span></button>`;
}
