import sharp from 'sharp';
import type { ClassifyResult, Explicitness, RgbFrame } from '../types.js';

/** Label band colours by explicitness (tests look for them). */
export const BAND_COLOURS: Record<Explicitness, { r: number; g: number; b: number }> = {
  sfw: { r: 0x2e, g: 0x7d, b: 0x32 },
  suggestive: { r: 0xef, g: 0x8f, b: 0x00 },
  explicit: { r: 0xc6, g: 0x28, b: 0x28 },
};
export const POSTER_COLOUR = { r: 0x29, g: 0x79, b: 0xff };
const BACKGROUND = { r: 0x1a, g: 0x1a, b: 0x1a };

export interface SheetLayout {
  columns: number;
  rows: number;
  cellWidth: number;
  imageHeight: number;
  labelHeight: number;
  gap: number;
  headerHeight: number;
  width: number;
  height: number;
  /** Top-left corner of cell i's image (its label band lies right below it). */
  cell(i: number): { left: number; top: number };
}

/** Grid geometry: about square unless `columns` is given; images keep the video's aspect. */
export function sheetLayout(o: {
  frames: number;
  columns?: number;
  cellWidth: number;
  aspect: number;
}): SheetLayout {
  const columns = Math.max(1, Math.min(o.frames, o.columns ?? Math.ceil(Math.sqrt(o.frames))));
  const rows = Math.max(1, Math.ceil(o.frames / columns));
  const cellWidth = o.cellWidth;
  const imageHeight = Math.max(16, Math.round(cellWidth / Math.min(4, Math.max(0.25, o.aspect))));
  const labelHeight = 46;
  const gap = 10;
  const headerHeight = 52;
  const width = gap + columns * (cellWidth + gap);
  const height = headerHeight + gap + rows * (imageHeight + labelHeight + gap);
  return {
    columns,
    rows,
    cellWidth,
    imageHeight,
    labelHeight,
    gap,
    headerHeight,
    width,
    height,
    cell: (i) => ({
      left: gap + (i % columns) * (cellWidth + gap),
      top: headerHeight + gap + Math.floor(i / columns) * (imageHeight + labelHeight + gap),
    }),
  };
}

/**
 * The contact sheet as PNG: a header with the verdict, then one cell per scored frame (the
 * frame, and a band coloured by its explicitness naming time, explicitness, nsfw and quality).
 * The poster's cell is framed in blue and says POSTER.
 */
export async function renderContactSheet(o: {
  title: string;
  result: ClassifyResult;
  frames: readonly RgbFrame[];
  columns?: number;
  cellWidth: number;
}): Promise<{ png: Buffer; layout: SheetLayout }> {
  const { result } = o;
  const layout = sheetLayout({
    frames: result.frames.length,
    ...(o.columns !== undefined ? { columns: o.columns } : {}),
    cellWidth: o.cellWidth,
    aspect: result.width > 0 && result.height > 0 ? result.width / result.height : 16 / 9,
  });
  const layers: sharp.OverlayOptions[] = [
    {
      input: svg(layout.width, layout.headerHeight, headerSvg(o.title, result, layout.width)),
      left: 0,
      top: 0,
    },
  ];
  for (const [i, f] of result.frames.entries()) {
    const { left, top } = layout.cell(i);
    const rgb = o.frames[i];
    const isPoster = i === result.poster_frame_index;
    if (isPoster) {
      const b = 4;
      layers.push({
        input: {
          create: {
            width: layout.cellWidth + 2 * b,
            height: layout.imageHeight + layout.labelHeight + 2 * b,
            channels: 3,
            background: POSTER_COLOUR,
          },
        },
        left: left - b,
        top: top - b,
      });
    }
    if (rgb) {
      const image = await sharp(rgb.data, {
        raw: { width: rgb.width, height: rgb.height, channels: 3 },
      })
        .resize(layout.cellWidth, layout.imageHeight, { fit: 'contain', background: BACKGROUND })
        .png()
        .toBuffer();
      layers.push({ input: image, left, top });
    }
    const label = labelSvg(layout.cellWidth, layout.labelHeight, f, isPoster);
    layers.push({
      input: svg(layout.cellWidth, layout.labelHeight, label),
      left,
      top: top + layout.imageHeight,
    });
  }
  const png = await sharp({
    create: { width: layout.width, height: layout.height, channels: 3, background: BACKGROUND },
  })
    .composite(layers)
    .png()
    .toBuffer();
  return { png, layout };
}

function headerSvg(title: string, r: ClassifyResult, width: number): string {
  const verdict = `${r.explicitness.toUpperCase()} · quality ${r.quality_score.toFixed(2)} · ${r.frame_count} frames · ${r.scene_count} scenes · ${r.duration_sec.toFixed(1)} s`;
  return `<text x="10" y="22" font-size="16" font-weight="bold" fill="#ffffff">${esc(title)}</text>
<text x="10" y="42" font-size="13" fill="#dddddd">${esc(verdict)} · ${esc(r.scorer)}</text>
<rect x="0" y="0" width="${width}" height="0" fill="none"/>`;
}

function labelSvg(
  w: number,
  h: number,
  f: ClassifyResult['frames'][number],
  isPoster: boolean,
): string {
  const c = BAND_COLOURS[f.explicitness];
  const fill = `rgb(${c.r},${c.g},${c.b})`;
  return `<rect x="0" y="0" width="${w}" height="${h}" fill="${fill}"/>
<text x="6" y="18" font-size="14" font-weight="bold" fill="#ffffff">${f.t.toFixed(2)} s · ${esc(f.explicitness)}${isPoster ? ' · POSTER' : ''}${f.departure ? ' · DEPARTURE' : ''}</text>
<text x="6" y="38" font-size="13" fill="#ffffff">nsfw ${f.nsfw.toFixed(2)} · quality ${f.quality.toFixed(2)} · scene ${f.scene}</text>`;
}

function svg(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans, sans-serif">${body}</svg>`,
  );
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
