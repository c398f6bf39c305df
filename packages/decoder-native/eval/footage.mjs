// Handheld-looking footage made from real photographs that Debian packages ship, joined by known
// transitions, with known distractors (flashes, brightness ramps, whip pans) inside shots. The
// material of the scene-detection evaluation (eval/) and of the benchmark clips (bench/).
// Deterministic for a given seed; rendered by the ffmpeg CLI (zoompan, eq, xfade, concat).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';

const WALLPAPERS = '/usr/share/wallpapers';
const SKIMAGE = '/usr/lib/python3/dist-packages/skimage/data';

/** The Debian packages the photographs come from (apt-get install them first). */
export const PHOTO_PACKAGES = ['plasma-workspace-wallpapers', 'python3-skimage'];

// Only the photographs (the other wallpapers are illustrations).
const WALLPAPER_PHOTOS = [
  'BytheWater',
  'ColdRipple',
  'ColorfulCups',
  'DarkestHour',
  'EveningGlow',
  'FallenLeaf',
  'Grey',
  'Kite',
  'OneStandsOut',
  'Path',
  'summer_1am',
];
const SKIMAGE_PHOTOS = [
  'astronaut.png',
  'coffee.png',
  'chelsea.png',
  'rocket.jpg',
  'motorcycle_left.png',
  'hubble_deep_field.jpg',
  'camera.png',
  'grass.png',
  'gravel.png',
  'retina.jpg',
];

function largestWallpaper(name) {
  const dir = `${WALLPAPERS}/${name}/contents/images`;
  if (!existsSync(dir)) return null;
  const sized = readdirSync(dir)
    .map((file) => ({ file, w: Number.parseInt(file, 10) }))
    .filter((f) => f.w > 0)
    .sort((a, b) => b.w - a.w);
  return sized[0] ? `${dir}/${sized[0].file}` : null;
}

/**
 * The photographs available on this machine: { name, path, pkg, large }. `large` ones (2560 px
 * wallpapers) suit 1080p and 4K clips; the scikit-image ones are 300-1400 px.
 */
export function findPhotos() {
  const photos = [];
  for (const name of WALLPAPER_PHOTOS) {
    const path = largestWallpaper(name);
    if (path) photos.push({ name, path, pkg: 'plasma-workspace-wallpapers', large: true });
  }
  for (const file of SKIMAGE_PHOTOS) {
    const path = `${SKIMAGE}/${file}`;
    if (existsSync(path))
      photos.push({ name: file.replace(/\..*$/, ''), path, pkg: 'python3-skimage', large: false });
  }
  if (photos.length < 6) {
    throw new Error(
      `found only ${photos.length} photographs; install them with: apt-get install ${PHOTO_PACKAGES.join(' ')}`,
    );
  }
  return photos;
}

/**
 * A photograph's mean luma (0-255), measured once per process: the eval draws cross-dissolves
 * between pictures of similar brightness, which a detector cannot tell apart by level alone.
 */
const lumaCache = new Map();
export function photoLuma(photo) {
  if (!lumaCache.has(photo.path)) {
    const r = spawnSync(
      'ffmpeg',
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostdin',
        '-i',
        photo.path,
        '-vf',
        'scale=32:32,format=gray',
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-',
      ],
      { maxBuffer: 1 << 20 },
    );
    if (r.status !== 0) throw new Error(`ffmpeg could not read ${photo.path}`);
    lumaCache.set(photo.path, r.stdout.reduce((a, v) => a + v, 0) / r.stdout.length);
  }
  return lumaCache.get(photo.path);
}

/** mulberry32: a small seeded PRNG, so the same seed always makes the same footage. */
// Also in @imajin/test-kit: this plain-node script runs without the kit being built first.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const between = (rand, lo, hi) => lo + (hi - lo) * rand();
const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** Transition types, as xfade names them ('cut' is a plain concat). */
export const TRANSITIONS = ['cut', 'fade', 'dissolve', 'fadeblack'];
export const DISTRACTORS = ['flash', 'ramp', 'whip', 'zoom', 'focus'];

// Title cards: words only (drawtext's text needs no escaping then).
const TITLES = [
  'THE HARBOUR',
  'Chapter Two',
  'A film by Ana Silva',
  'Three weeks later',
  'NORTH',
  'Part one The arrival',
  'Based on a true story',
  'Winter',
  'The end of summer',
  'MORNING',
];

/**
 * A video's plan: shots (photo or title card, length, camera motion, distractors) and the joins
 * between them.
 * opts: { seed, fps, shots, shotSec: [lo, hi], photos, weights: {cut, fade, dissolve, fadeblack},
 *         distractors: probability per shot of each distractor kind (0 = none; flash, ramp, whip,
 *         zoom, focus), transitionSec: [lo, hi] of cross-fades and dissolves (0.4-1.5 s),
 *         close: share of shots 0.5-2 s long, sameSubject: share of cuts to the same photograph
 *         reframed, similar: share of cross-fades and dissolves between photographs of similar
 *         brightness, dark: share of low-light shots, titles: { open: a title card first,
 *         mid: number of title cards cut to and from later } }
 * The options added after the first eval set draw from their own random stream and add fields
 * only when used, so the plans made without them (the bench clips) stay as they were.
 */
export function planVideo(opts) {
  const rand = rng(opts.seed);
  const extra = rng(opts.seed ^ 0x5eed5);
  const fps = opts.fps;
  const weights = opts.weights ?? { cut: 0.4, fade: 0.2, dissolve: 0.15, fadeblack: 0.25 };
  const [secLo, secHi] = opts.transitionSec ?? [0.4, 1.5];
  const titles = opts.titles ?? { open: false, mid: 0 };
  // Which shots are title cards: the first (a film's opening), and `mid` others, never two in a row.
  const cards = new Set(titles.open ? [0] : []);
  for (let k = 0; k < (titles.mid ?? 0); k++) {
    const at = 1 + Math.floor(extra() * (opts.shots - 1));
    if (!cards.has(at) && !cards.has(at - 1) && !cards.has(at + 1)) cards.add(at);
  }
  const joins = [];
  for (let j = 0; j < opts.shots - 1; j++) {
    let r = rand() * Object.values(weights).reduce((s, w) => s + w, 0);
    let type = 'cut';
    for (const [name, w] of Object.entries(weights)) {
      r -= w;
      if (r < 0) {
        type = name;
        break;
      }
    }
    if (type === 'fadeblack') {
      // A dip to black as editors make it: out over `ramp` frames, `hold` black frames, in
      // over `ramp` frames (xfade's fadeblack is lopsided: black at a fifth of the way).
      const ramp = Math.round(between(rand, 0.25, 0.75) * fps);
      const hold = rand() < 0.5 ? 0 : Math.round(between(rand, 1, 8));
      joins.push({ type, frames: 0, ramp, hold });
    } else {
      const sec = type === 'cut' ? 0 : between(rand, secLo, secHi);
      joins.push({ type, frames: Math.round(sec * fps) });
    }
    // Title cards are cut to and from.
    if (cards.has(j) || cards.has(j + 1)) {
      joins[j] = { type: 'cut', frames: 0, tags: ['title'] };
    }
  }
  const shots = [];
  let previous = null;
  for (let i = 0; i < opts.shots; i++) {
    const before = joins[i - 1];
    let photo = pick(rand, opts.photos);
    while (previous?.photo && photo.name === previous.photo.name) photo = pick(rand, opts.photos);
    const sameSubject =
      before?.type === 'cut' &&
      !cards.has(i) &&
      previous?.photo &&
      !previous.card &&
      extra() < (opts.sameSubject ?? 0);
    if (sameSubject) {
      photo = previous.photo;
      before.tags = [...(before.tags ?? []), 'same-subject'];
    } else if (
      (before?.type === 'fade' || before?.type === 'dissolve') &&
      previous?.photo &&
      extra() < (opts.similar ?? 0)
    ) {
      // A cross-dissolve between pictures of about the same brightness.
      const level = photoLuma(previous.photo);
      const near = opts.photos.filter(
        (p) => p.name !== previous.photo.name && Math.abs(photoLuma(p) - level) < 14,
      );
      if (near.length) {
        photo = pick(extra, near);
        before.tags = [...(before.tags ?? []), 'similar'];
      }
    }
    let frames = Math.round(between(rand, opts.shotSec[0], opts.shotSec[1]) * fps);
    if (opts.close && extra() < opts.close) frames = Math.round(between(extra, 0.5, 2) * fps);
    if (cards.has(i)) frames = Math.round(between(extra, 1.5, 3) * fps);
    // Distractors sit well inside the shot: clear of both transitions by at least 0.8 s.
    const span = (join) => (join ? join.frames + (join.ramp ?? 0) + (join.hold ?? 0) : 0);
    const inLeft = span(joins[i - 1]);
    const inRight = span(joins[i]);
    // A short shot still holds its transitions, with a moment of its own between them.
    frames = Math.max(frames, inLeft + inRight + Math.round(0.3 * fps));
    const lo = inLeft + Math.round(0.8 * fps);
    const hi = frames - inRight - Math.round(0.8 * fps);
    const events = [];
    const p = opts.distractors ?? { flash: 0, ramp: 0, whip: 0 };
    const slot = (len, r = rand) =>
      hi - lo > len + fps ? Math.round(between(r, lo, hi - len)) : -1;
    if (rand() < p.flash) {
      const len = rand() < 0.5 ? 1 : 2;
      const at = slot(len);
      if (at >= 0) events.push({ type: 'flash', at, len, gain: between(rand, 0.35, 0.55) });
    }
    if (rand() < p.ramp) {
      const len = Math.round(between(rand, 0.5, 1.5) * fps);
      const at = slot(len);
      const dir = rand() < 0.5 ? -1 : 1;
      if (at >= 0) events.push({ type: 'ramp', at, len, dir, amount: between(rand, 0.15, 0.28) });
    }
    const whipAt = rand() < p.whip ? slot(Math.round(0.25 * fps)) : -1;
    const whip =
      whipAt >= 0
        ? {
            at: whipAt,
            len: Math.round(between(rand, 0.15, 0.3) * fps),
            dir: rand() < 0.5 ? -1 : 1,
          }
        : null;
    if (whip) events.push({ type: 'whip', at: whip.at, len: whip.len });
    const z0 = whip ? between(rand, 1.9, 2.2) : between(rand, 1.12, 1.45);
    const motion = {
      z0,
      z1: z0 + between(rand, -0.12, 0.12),
      px0: whip ? (whip.dir > 0 ? 0.08 : 0.92) : between(rand, 0.2, 0.8),
      py0: between(rand, 0.25, 0.75),
      driftX: whip ? 0 : between(rand, -0.25, 0.25),
      driftY: between(rand, -0.15, 0.15),
      shake: between(rand, 1.5, 4), // output pixels at 480p, scaled with the frame
      phases: [rand(), rand(), rand(), rand(), rand(), rand()].map((v) => v * 2 * Math.PI),
      whip,
    };
    if (sameSubject) {
      // Wide to close-up (or back) on the same picture, somewhere else in it.
      const wide = previous.motion.z0 < 1.7;
      motion.z0 = wide ? between(extra, 2.3, 2.8) : between(extra, 1.1, 1.25);
      motion.z1 = motion.z0 + between(extra, -0.08, 0.08);
      motion.px0 = previous.motion.px0 < 0.5 ? between(extra, 0.6, 0.9) : between(extra, 0.1, 0.4);
    }
    if (!whip && extra() < (p.zoom ?? 0)) {
      // A fast zoom in (or out) of 1.6-2.2x within the shot, over 0.4-1.2 s.
      const len = Math.round(between(extra, 0.4, 1.2) * fps);
      const at = slot(len, extra);
      if (at >= 0) {
        const factor = between(extra, 1.6, 2.2);
        motion.zoom = { at, len, from: extra() < 0.5 ? 1 : factor, to: 0 };
        motion.zoom.to = motion.zoom.from === 1 ? factor : 1;
        events.push({ type: 'zoom', at, len });
      }
    }
    if (extra() < (p.focus ?? 0)) {
      // A focus pull: the picture goes from sharp to blurred or back over 0.5-1.5 s (sigma up
      // to 1-3% of the frame width) and stays there.
      const len = Math.round(between(extra, 0.5, 1.5) * fps);
      const at = slot(len, extra);
      if (at >= 0) {
        const blur = between(extra, 0.01, 0.03);
        const into = extra() < 0.5;
        events.push({ type: 'focus', at, len, from: into ? 0 : blur, to: into ? blur : 0 });
      }
    }
    const shot = { photo, frames, motion, events };
    if (cards.has(i)) {
      shot.photo = null;
      // Text height 2.5-8% of the short side, white to mid grey (small grey text on black is
      // nearly uniform at a detector's thumbnail scale, yet a picture).
      shot.card = {
        text: pick(extra, TITLES),
        size: between(extra, 0.025, 0.08),
        grey: Math.round(between(extra, 128, 255)),
      };
      shot.events = [];
    }
    if (!cards.has(i) && extra() < (opts.dark ?? 0)) shot.dark = true;
    shots.push(shot);
    previous = shot;
  }
  // Cuts less than 2 s apart.
  joins.forEach((join, j) => {
    if (shots[j].frames < 2 * fps || shots[j + 1].frames < 2 * fps)
      if (opts.close) join.tags = [...(join.tags ?? []), 'close'];
    if (shots[j].dark || shots[j + 1].dark) join.tags = [...(join.tags ?? []), 'low-light'];
  });
  return { fps, shots, joins };
}

/**
 * Ground truth of a plan: cut times (seconds: a hard cut at its first new frame, a dissolve or
 * fade at its middle) and distractor spans.
 */
export function groundTruth(plan) {
  const { fps, shots, joins } = plan;
  const cuts = [];
  const distractors = [];
  const starts = [0];
  let acc = shots[0].frames;
  for (let j = 0; j < joins.length; j++) {
    const join = joins[j];
    const start = acc - join.frames;
    starts.push(start);
    // A hard cut: the first frame of the new shot. A transition: its middle (for a dip to
    // black, the middle of the black between the two shots).
    if (join.type === 'fadeblack') {
      const sec = (2 * join.ramp + join.hold) / fps;
      cuts.push({ t: (start + join.hold / 2) / fps, type: join.type, sec, tags: join.tags ?? [] });
    } else {
      const t = (start + join.frames / 2) / fps;
      cuts.push({ t, type: join.type, sec: join.frames / fps, tags: join.tags ?? [] });
    }
    acc = start + shots[j + 1].frames;
  }
  shots.forEach((shot, i) => {
    for (const e of shot.events) {
      distractors.push({
        type: e.type,
        t0: (starts[i] + e.at) / fps,
        t1: (starts[i] + e.at + e.len) / fps,
      });
    }
  });
  return { durationSec: acc / fps, frames: acc, cuts, distractors };
}

const n6 = (v) => Number(v.toFixed(6));

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

// A title card: white text on digital black, no camera, no noise.
function cardFilter(shot, index, size, fps) {
  const [w, h] = size;
  const fontsize = Math.max(8, Math.round(shot.card.size * Math.min(w, h)));
  const grey = `0x${(shot.card.grey ?? 255).toString(16).padStart(2, '0').repeat(3)}`;
  return [
    `[${index}:v]trim=end_frame=${shot.frames},setpts=N/(${fps}*TB),format=yuv420p`,
    `drawtext=fontfile=${FONT}:text='${shot.card.text}':fontcolor=${grey}:fontsize=${fontsize}:x=(w-text_w)/2:y=(h-text_h)/2`,
  ];
}

function shotFilter(shot, index, size, fps, before, after) {
  const [w, h] = size;
  const m = shot.motion;
  const n = shot.frames;
  // Pre-scale to 2x the output so zoompan's whole-pixel crop positions jitter by half a pixel.
  const pw = 2 * w;
  const ph = 2 * h;
  let zoom = `${n6(m.z0)}+${n6(m.z1 - m.z0)}*on/${n}`;
  if (m.zoom) {
    // A smooth (smoothstep) zoom by from -> to within the shot.
    const k = `clip((on-${m.zoom.at})/${m.zoom.len},0,1)`;
    const f = `(${n6(m.zoom.from)}+${n6(m.zoom.to - m.zoom.from)}*${k}*${k}*(3-2*${k}))`;
    zoom = `(${zoom})*${f}`;
  }
  const unit = `iw/zoom/${w}`; // input pixels per output pixel
  const s = m.shake * (w / 854);
  const [a, b, c, d, e, f] = m.phases.map(n6);
  const shakeX = `${unit}*${n6(s)}*(sin(on*0.29+${a})+0.5*sin(on*0.71+${b})+0.25*sin(on*1.9+${c}))`;
  const shakeY = `${unit}*${n6(s)}*(sin(on*0.23+${d})+0.5*sin(on*0.67+${e})+0.25*sin(on*1.7+${f}))`;
  let px = `(${n6(m.px0)}+${n6(m.driftX)}*on/${n})`;
  if (m.whip) px = `(${n6(m.px0)}+${m.whip.dir * 0.84}*clip((on-${m.whip.at})/${m.whip.len},0,1))`;
  const py = `(${n6(m.py0)}+${n6(m.driftY)}*on/${n})`;
  const x = `(iw-iw/zoom)*${px}+${shakeX}`;
  const y = `(ih-ih/zoom)*${py}+${shakeY}`;
  const parts = shot.card
    ? cardFilter(shot, index, size, fps)
    : [
        `[${index}:v]format=yuv444p,scale=${pw}:${ph}:force_original_aspect_ratio=increase:flags=bicubic,crop=${pw}:${ph}`,
        `zoompan=z='${zoom}':x='${x}':y='${y}':d=${n}:s=${w}x${h}:fps=${fps}`,
        'format=yuv420p',
      ];
  for (const e of shot.events) {
    if (e.type === 'flash') {
      parts.push(
        `eq=brightness=${n6(e.gain)}:contrast=0.8:saturation=0.6:enable='between(n,${e.at},${e.at + e.len - 1})'`,
      );
    } else if (e.type === 'ramp') {
      // Exposure drifting down (or up) and staying there: the same shot, darker (brighter).
      const k = `clip((n-${e.at})/${e.len},0,1)`;
      const bright = n6(e.dir * e.amount);
      const contrast = n6(e.dir < 0 ? (-0.35 * e.amount) / 0.28 : -0.1);
      parts.push(`eq=eval=frame:brightness='${bright}*${k}':contrast='1+${contrast}*${k}'`);
    } else if (e.type === 'focus') {
      // gblur's sigma changes by command, frame by frame (sigmaV too: it copies sigma only at
      // start-up); a sigma of 0 cannot be changed later, so sharp is 0.3 px.
      const sigma = (k) => n6(Math.max(0.3, (e.from + (e.to - e.from) * k) * w));
      const cmds = [];
      for (let i = 0; i <= e.len; i++) {
        const v = sigma(i / e.len);
        cmds.push(`${n6((e.at + i) / fps)} gblur@f${index} sigma ${v},gblur@f${index} sigmaV ${v}`);
      }
      parts.push(
        `setpts=N/(${fps}*TB)`,
        `sendcmd=c='${cmds.join(';')}'`,
        `gblur@f${index}=sigma=${sigma(0)}:steps=2`,
      );
    }
  }
  // Low light: a dim, flat, desaturated picture with more sensor noise.
  if (shot.dark) parts.push('eq=brightness=-0.22:contrast=0.5:saturation=0.5');
  if (!shot.card) parts.push(`noise=alls=${shot.dark ? 10 : 4}:allf=t`);
  // Dips to black are an edit, made after recording: pure black, no sensor noise.
  if (before?.type === 'fadeblack')
    parts.push(`fade=t=in:st=${n6(before.hold / fps)}:d=${n6(before.ramp / fps)}`);
  if (after?.type === 'fadeblack')
    parts.push(`fade=t=out:st=${n6((n - after.ramp) / fps)}:d=${n6(after.ramp / fps)}`);
  parts.push('setsar=1', `settb=1/${fps}`);
  return `${parts.join(',')}[s${index}]`;
}

/** The ffmpeg -filter_complex for a plan at size [w, h]; its output label is [out]. */
export function filterGraph(plan, size) {
  const chains = plan.shots.map((shot, i) =>
    shotFilter(shot, i, size, plan.fps, plan.joins[i - 1], plan.joins[i]),
  );
  let acc = '[s0]';
  let accFrames = plan.shots[0].frames;
  plan.joins.forEach((join, j) => {
    const out = j === plan.joins.length - 1 ? '[out]' : `[j${j}]`;
    const next = `[s${j + 1}]`;
    if (join.type === 'cut' || join.type === 'fadeblack') {
      chains.push(`${acc}${next}concat=n=2:v=1:a=0,settb=1/${plan.fps}${out}`);
    } else {
      const offset = (accFrames - join.frames) / plan.fps;
      chains.push(
        `${acc}${next}xfade=transition=${join.type}:duration=${n6(join.frames / plan.fps)}:offset=${n6(offset)}${out}`,
      );
    }
    acc = out;
    accFrames += plan.shots[j + 1].frames - join.frames;
  });
  if (plan.joins.length === 0) chains.push('[s0]null[out]');
  return chains.join(';');
}

/**
 * Renders a plan to `path` with the given encoder arguments (e.g. ['-c:v', 'libx264', ...]),
 * after an optional last filter chain `post` (e.g. a colour conversion).
 * Writes to a temporary name first, so a half-written file never looks cached.
 */
export function render(plan, size, encodeArgs, path, post = null) {
  const inputs = plan.shots.flatMap((shot) =>
    shot.card
      ? ['-f', 'lavfi', '-i', `color=c=black:s=${size[0]}x${size[1]}:r=${plan.fps}`]
      : ['-i', shot.photo.path],
  );
  const tmp = `${path}.part.${process.pid}${path.slice(path.lastIndexOf('.'))}`;
  const args = [
    '-hide_banner',
    '-loglevel',
    'error',
    '-nostdin',
    '-y',
    ...inputs,
    '-filter_complex',
    post ? `${filterGraph(plan, size)};[out]${post}[final]` : filterGraph(plan, size),
    '-map',
    post ? '[final]' : '[out]',
    ...encodeArgs,
    tmp,
  ];
  const r = spawnSync('ffmpeg', args, { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(tmp, { force: true });
    throw new Error(`ffmpeg failed rendering ${path}: ${r.stderr}`);
  }
  renameSync(tmp, path);
}
