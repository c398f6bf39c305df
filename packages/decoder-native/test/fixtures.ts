// Test videos, made by the ffmpeg CLI at test time (small: <= 320x180, a few seconds).
// Each fixture states the facts tests check against it.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export async function ffmpeg(args: string[]): Promise<void> {
  await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);
}

export async function ffprobeJson(path: string): Promise<FfprobeOutput> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-show_format',
    '-show_streams',
    '-of',
    'json',
    path,
  ]);
  return JSON.parse(stdout) as FfprobeOutput;
}

export async function ffprobeFrameTimes(path: string): Promise<number[]> {
  const { stdout } = await run('ffprobe', [
    '-v',
    'error',
    '-select_streams',
    'v:0',
    '-show_entries',
    'frame=pts_time',
    '-of',
    'csv=p=0',
    path,
  ]);
  return stdout
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => Number.parseFloat(l));
}

export interface FfprobeStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  pix_fmt?: string;
  avg_frame_rate?: string;
  duration?: string;
  nb_frames?: string;
  color_transfer?: string;
  side_data_list?: { side_data_type: string; rotation?: number }[];
}
export interface FfprobeOutput {
  streams: FfprobeStream[];
  format: { format_name: string; duration?: string };
}

const FPS = 30;
const SIZE = '320x180';
const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-bf', '3'];
// As phones record: a fixed keyframe interval, no keyframe forced at scene changes.
const PHONE_GOP = ['-x264-params', 'scenecut=0:keyint=60'];
const X265 = [
  '-c:v',
  'libx265',
  '-preset',
  'ultrafast',
  '-x265-params',
  'log-level=error',
  '-tag:v',
  'hvc1',
];

/** The mandelbrot source zooms forever: trim it in the filter graph. */
const MANDELBROT = ['-f', 'lavfi', '-i', `mandelbrot=s=${SIZE}:r=${FPS}`];
/** Two shots (testsrc2, then mandelbrot) joined by `graph`, encoded as a phone would. */
const twoShots = (seconds: number, graph: string, out: string) =>
  ffmpeg([
    ...src('testsrc2', seconds),
    ...MANDELBROT,
    '-filter_complex',
    graph,
    ...X264,
    ...PHONE_GOP,
    out,
  ]);

const src = (filter: string, seconds: number, size = SIZE) => [
  '-f',
  'lavfi',
  '-i',
  `${filter}=s=${size}:r=${FPS}:d=${seconds}`,
];

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** gblur@f's sigma from 0.3 to `sigma` px between `from` and `to` s, by sendcmd, frame by frame. */
function focusRamp(from: number, to: number, sigma: number): string {
  const cmds: string[] = [];
  for (let t = from; t <= to + 1e-9; t += 1 / FPS) {
    const v = (0.3 + ((sigma - 0.3) * (t - from)) / (to - from)).toFixed(3);
    cmds.push(`${t.toFixed(4)} gblur@f sigma ${v},gblur@f sigmaV ${v}`);
  }
  return cmds.join(';');
}

/** dissolve-short.mp4: a 0.5 s cross-dissolve, middle at 1.75 s. */
export const SHORT_DISSOLVE_MIDDLE = 1.75;
/** pan-hevc60.mp4: a 60 fps handheld pan (with a whip at 1.2-1.4 s), cut at 2.5 s. */
export const PAN60_CUT = 2.5;
/** title-card.mp4: a card, cut to a shot at 1.5 s, cut to a card at 3 s. */
export const TITLE_CUTS = [1.5, 3.0];

/** Known cut times of cuts.mp4 (four 1.5 s shots). */
export const CUT_TIMES = [1.5, 3.0, 4.5];
/** dissolve.mp4: a 1 s cross-dissolve from 1.5 s; fade.mp4: out over 1.5-2 s, in over 2-2.5 s. */
export const DISSOLVE_MIDDLE = 2.0;
export const FADE_MIDDLE = 2.0;
export const FRAME = 1 / FPS;

type Maker = (out: string, dir: string) => Promise<void>;

// [name, how to make it, fixtures it reads]
const FIXTURES: [string, Maker, string[]?][] = [
  ['h264.mp4', (o) => ffmpeg([...src('testsrc2', 2), ...X264, o])], // moov at the end (ffmpeg's default)
  [
    'h264-faststart.mp4',
    (o) => ffmpeg([...src('testsrc2', 2), ...X264, '-movflags', '+faststart', o]),
  ],
  ['h264.mkv', (o) => ffmpeg([...src('testsrc2', 2), ...X264, o])],
  ['hevc.mp4', (o) => ffmpeg([...src('testsrc2', 2), ...X265, '-pix_fmt', 'yuv420p', o])],
  ['hevc10.mov', (o) => ffmpeg([...src('testsrc2', 2), ...X265, '-pix_fmt', 'yuv420p10le', o])],
  ['mjpeg.avi', (o) => ffmpeg([...src('testsrc2', 1), '-c:v', 'mjpeg', '-q:v', '5', o])],
  ['h264.ts', (o) => ffmpeg([...src('testsrc2', 1), ...X264, o])],
  [
    'vp9.webm',
    (o) =>
      ffmpeg([
        ...src('testsrc2', 1),
        '-c:v',
        'libvpx-vp9',
        '-deadline',
        'realtime',
        '-cpu-used',
        '8',
        o,
      ]),
  ],
  ['portrait.mp4', (o) => ffmpeg([...src('testsrc2', 1, '180x320'), ...X264, o])],
  [
    'anamorphic.mp4',
    (o) => ffmpeg([...src('testsrc2', 1, '240x180'), '-vf', 'setsar=4/3', ...X264, o]),
  ],
  ['oneframe.mp4', (o) => ffmpeg([...src('testsrc2', 1), '-frames:v', '1', ...X264, o])],
  [
    'audio.mp4',
    (o) =>
      ffmpeg([
        ...src('testsrc2', 2),
        '-f',
        'lavfi',
        '-i',
        'sine=f=440:d=2',
        ...X264,
        '-c:a',
        'aac',
        '-shortest',
        o,
      ]),
  ],
  // Frames 10-29 dropped, timestamps kept: a 0.7 s gap, as a phone's variable frame rate.
  [
    'vfr.mp4',
    (o) =>
      ffmpeg([
        ...src('testsrc2', 2),
        '-vf',
        "select='not(between(n,10,29))'",
        '-fps_mode',
        'passthrough',
        ...X264,
        o,
      ]),
  ],
  // A grey picture with a red top-left corner: rotation is checked on its pixels.
  [
    'corner.mp4',
    (o) =>
      ffmpeg([
        '-f',
        'lavfi',
        '-i',
        `color=c=gray:s=${SIZE}:r=${FPS}:d=1`,
        '-vf',
        'drawbox=x=0:y=0:w=80:h=60:color=red:t=fill',
        ...X264,
        o,
      ]),
  ],
  ...([90, 180, 270] as const).map((deg): [string, Maker, string[]] => [
    `rotate${deg}.mp4`,
    (o, dir) =>
      ffmpeg(['-i', join(dir, 'corner.mp4'), '-c', 'copy', '-metadata:s:v:0', `rotate=${deg}`, o]),
    ['corner.mp4'],
  ]),
  [
    'cuts.mp4',
    (o) =>
      ffmpeg([
        ...src('testsrc2', 1.5),
        ...src('smptehdbars', 1.5),
        ...MANDELBROT,
        '-f',
        'lavfi',
        '-i',
        // gradients' seed fixes only its geometry; unnamed colours are drawn at random, and a
        // dark, near-uniform draw hid the cut at 4.5 s now and then (a flat shot is bridged).
        `gradients=s=${SIZE}:r=${FPS}:d=1.5:seed=1:nb_colors=4:c0=0x0080ff:c1=0xffd000:c2=0x202020:c3=0xf0f0f0`,
        '-filter_complex',
        '[2]trim=duration=1.5,setpts=PTS-STARTPTS[m];[0][1][m][3]concat=n=4:v=1:a=0,format=yuv420p',
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
  ],
  // The same cuts at 60 fps in HEVC with a B pyramid, as a phone's 4K60: a fast scan skips
  // every B-frame there.
  [
    'cuts-hevc60.mp4',
    (o, dir) =>
      ffmpeg([
        '-i',
        join(dir, 'cuts.mp4'),
        '-vf',
        'fps=60',
        '-c:v',
        'libx265',
        '-preset',
        'ultrafast',
        '-x265-params',
        'log-level=error:bframes=3:b-pyramid=1:keyint=120:min-keyint=120:scenecut=0',
        o,
      ]),
    ['cuts.mp4'],
  ],
  // The same cuts with open GOPs (pictures shown before a keyframe but coded after it) and a
  // keyframe every second: the parallel scan's chunk boundaries must hand those over intact.
  [
    'cuts-opengop.mp4',
    (o, dir) =>
      ffmpeg([
        '-i',
        join(dir, 'cuts.mp4'),
        ...X264,
        '-x264-params',
        'scenecut=0:keyint=30:min-keyint=30:open-gop=1',
        o,
      ]),
    ['cuts.mp4'],
  ],
  // The same cuts after an audio stream, starting 1.5 s in: a parallel scan's second readers
  // take the video stream's index and start time from the first (they do not probe again).
  [
    'cuts-offset-audio.mp4',
    (o, dir) =>
      ffmpeg([
        '-f',
        'lavfi',
        '-i',
        'sine=f=440:d=6',
        '-i',
        join(dir, 'cuts.mp4'),
        '-map',
        '0:a',
        '-map',
        '1:v',
        ...X264,
        '-x264-params',
        'scenecut=0:keyint=30:min-keyint=30',
        '-c:a',
        'aac',
        '-output_ts_offset',
        '1.5',
        o,
      ]),
    ['cuts.mp4'],
  ],
  [
    'cuts-hevc-opengop.mp4',
    (o, dir) =>
      ffmpeg([
        '-i',
        join(dir, 'cuts.mp4'),
        ...X265.slice(0, 4),
        '-x265-params',
        'log-level=error:bframes=4:b-pyramid=1:keyint=30:min-keyint=30:scenecut=0:open-gop=1',
        o,
      ]),
    ['cuts.mp4'],
  ],
  [
    'dissolve.mp4',
    (o) =>
      twoShots(
        3,
        '[1]trim=duration=3,setpts=PTS-STARTPTS[b];[0][b]xfade=transition=fade:duration=1:offset=1.5,format=yuv420p',
        o,
      ),
  ],
  [
    'fade.mp4',
    (o) =>
      twoShots(
        2,
        '[0]fade=t=out:st=1.5:d=0.5[a];[1]trim=duration=2,setpts=PTS-STARTPTS,fade=t=in:st=0:d=0.5[b];[a][b]concat=n=2:v=1:a=0,format=yuv420p',
        o,
      ),
  ],
  // A two-frame camera flash inside one shot: not a cut.
  [
    'flash.mp4',
    (o) =>
      ffmpeg([
        ...MANDELBROT,
        '-vf',
        "trim=duration=3,eq=brightness=0.5:contrast=1.3:enable='between(n,40,41)',format=yuv420p",
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
  ],
  // One shot getting brighter and more contrasted over 4 s: not a cut.
  [
    'ramp.mp4',
    (o) =>
      ffmpeg([
        ...src('testsrc2', 4),
        '-vf',
        "eq=eval=frame:brightness='-0.35+0.35*t/4':contrast='0.4+0.6*t/4',format=yuv420p",
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
  ],
  // A handheld-looking pan (300 px/s, bobbing, shaking) across a still of four different
  // pictures: camera motion, not a cut.
  [
    'pan-still.png',
    (o) =>
      ffmpeg([
        ...['testsrc2', 'mandelbrot', 'smptehdbars', 'cellauto=rule=30:seed=1'].flatMap((f) => [
          '-f',
          'lavfi',
          '-i',
          `${f}${f.includes('=') ? ':' : '='}s=640x360`,
        ]),
        '-filter_complex',
        '[0][1]hstack[t];[2][3]hstack[b];[t][b]vstack',
        '-frames:v',
        '1',
        o,
      ]),
  ],
  [
    'pan.mp4',
    (o, dir) =>
      ffmpeg([
        '-loop',
        '1',
        '-framerate',
        String(FPS),
        '-i',
        join(dir, 'pan-still.png'),
        '-vf',
        "crop=320:180:x='t*300':y='180+120*sin(t*2)+6*sin(t*23)',format=yuv420p",
        '-t',
        '3',
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
    ['pan-still.png'],
  ],
  // HDR: an SDR picture converted to HLG / PQ BT.2020 10-bit HEVC, and the SDR original.
  [
    'sdr-bars.mp4',
    (o) =>
      ffmpeg([
        ...src('smptehdbars', 0.5),
        '-vf',
        'format=yuv420p',
        ...X264,
        '-color_primaries',
        'bt709',
        '-color_trc',
        'bt709',
        '-colorspace',
        'bt709',
        o,
      ]),
  ],
  ...(['hlg', 'pq'] as const).map((kind): [string, Maker] => {
    const trc = kind === 'hlg' ? 'arib-std-b67' : 'smpte2084';
    return [
      `${kind}.mov`,
      (o) =>
        ffmpeg([
          ...src('smptehdbars', 0.5),
          '-vf',
          `format=yuv420p,setparams=color_primaries=bt709:color_trc=bt709:colorspace=bt709:range=tv,zscale=t=linear:npl=100,format=gbrpf32le,zscale=p=bt2020:t=${trc}:m=bt2020nc:r=tv,format=yuv420p10le`,
          ...X265,
          '-color_primaries',
          'bt2020',
          '-color_trc',
          trc,
          '-colorspace',
          'bt2020nc',
          o,
        ]),
    ];
  }),
  // Bad inputs.
  ['audio-only.m4a', (o) => ffmpeg(['-f', 'lavfi', '-i', 'sine=f=440:d=1', '-c:a', 'aac', o])],
  ['audio.mp3', (o) => ffmpeg(['-f', 'lavfi', '-i', 'sine=f=440:d=1', '-c:a', 'libmp3lame', o])],
  // The scene eval's hard classes, small (eval/ has the full set).
  // A 0.5 s cross-dissolve from a handheld pan to another picture, phone GOP.
  [
    'dissolve-short.mp4',
    (o, dir) =>
      ffmpeg([
        '-loop',
        '1',
        '-framerate',
        String(FPS),
        '-i',
        join(dir, 'pan-still.png'),
        ...MANDELBROT,
        '-filter_complex',
        "[0]crop=320:180:x='40+t*60':y='60+8*sin(t*3)+3*sin(t*17)',trim=duration=2,setpts=PTS-STARTPTS[a];" +
          '[1]trim=duration=2,setpts=PTS-STARTPTS[b];' +
          '[a][b]xfade=transition=fade:duration=0.5:offset=1.5,format=yuv420p',
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
    ['pan-still.png'],
  ],
  // A handheld pan with a whip at 60 fps in HEVC with a B pyramid and a fixed GOP (a fast scan
  // skips B-frames there), then a cut to another picture at PAN60_CUT.
  [
    'pan-hevc60.mp4',
    (o, dir) =>
      ffmpeg([
        '-loop',
        '1',
        '-framerate',
        '60',
        '-i',
        join(dir, 'pan-still.png'),
        '-f',
        'lavfi',
        '-i',
        `mandelbrot=s=${SIZE}:r=60`,
        '-filter_complex',
        "[0]crop=320:180:x='t*120+if(gt(t,1.2),min((t-1.2)/0.2,1)*260,0)':y='170+40*sin(t*2.3)+5*sin(t*19)',trim=duration=2.5,setpts=PTS-STARTPTS[a];" +
          '[1]trim=duration=1.5,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1:a=0,format=yuv420p',
        '-c:v',
        'libx265',
        '-preset',
        'ultrafast',
        '-tag:v',
        'hvc1',
        '-x265-params',
        'log-level=error:bframes=3:b-pyramid=1:keyint=120:min-keyint=120:scenecut=0',
        o,
      ]),
    ['pan-still.png'],
  ],
  // A title card (small grey text on black, nearly uniform at the detector's thumbnail scale)
  // cut to a moving shot at 1.5 s, and a second card cut to at 3 s: both cuts are cuts, and
  // neither card is a black gap to bridge.
  [
    'title-card.mp4',
    (o) =>
      ffmpeg([
        '-f',
        'lavfi',
        '-i',
        `color=c=black:s=${SIZE}:r=${FPS}:d=1.5`,
        ...src('testsrc2', 1.5),
        '-f',
        'lavfi',
        '-i',
        `color=c=black:s=${SIZE}:r=${FPS}:d=1`,
        '-filter_complex',
        `[0]drawtext=fontfile=${FONT}:text='A film by Ana Silva':fontcolor=gray:fontsize=9:x=(w-text_w)/2:y=(h-text_h)/2[t0];` +
          `[2]drawtext=fontfile=${FONT}:text='Three weeks later':fontcolor=gray:fontsize=9:x=(w-text_w)/2:y=(h-text_h)/2[t1];` +
          '[t0][1][t1]concat=n=3:v=1:a=0,format=yuv420p',
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
  ],
  // A focus pull inside one handheld shot: sharp, blurred over 1 s (sigma up to 8 px), held.
  [
    'focus-pull.mp4',
    (o, dir) =>
      ffmpeg([
        '-loop',
        '1',
        '-framerate',
        String(FPS),
        '-i',
        join(dir, 'pan-still.png'),
        '-vf',
        "crop=320:180:x='300+4*sin(t*3)+2*sin(t*13)':y='200+3*sin(t*2.5)',trim=duration=3,setpts=N/(30*TB)," +
          `sendcmd=c='${focusRamp(1, 2, 8)}',gblur@f=sigma=0.3:steps=2,format=yuv420p`,
        ...X264,
        ...PHONE_GOP,
        o,
      ]),
    ['pan-still.png'],
  ],
  ['image.png', (o) => ffmpeg([...src('testsrc2', 1), '-frames:v', '1', o])],
  [
    'png-renamed.mp4',
    async (o, dir) => writeFile(o, await readFile(join(dir, 'image.png'))),
    ['image.png'],
  ],
  ['pdf-renamed.mp4', (o) => writeFile(o, MINIMAL_PDF)],
  ['random.mp4', (o) => writeFile(o, seededBytes(64 * 1024, 7))],
  [
    'truncated-faststart.mp4',
    (o, dir) => truncate(join(dir, 'h264-faststart.mp4'), o, 0.6),
    ['h264-faststart.mp4'],
  ],
  ['truncated-moov-end.mp4', (o, dir) => truncate(join(dir, 'h264.mp4'), o, 0.6), ['h264.mp4']],
  ['truncated.mkv', (o, dir) => truncate(join(dir, 'h264.mkv'), o, 0.6), ['h264.mkv']],
  ['cuts.ts', (o, dir) => ffmpeg(['-i', join(dir, 'cuts.mp4'), '-c', 'copy', o]), ['cuts.mp4']],
  [
    'huge-dimensions.avi',
    (o, dir) => patchAviDimensions(join(dir, 'mjpeg.avi'), o, 60000, 60000),
    ['mjpeg.avi'],
  ],
  [
    'long-header.mkv',
    (o, dir) => patchMatroskaDuration(join(dir, 'h264.mkv'), o, 1e12),
    ['h264.mkv'],
  ],
];

async function truncate(from: string, to: string, keep: number): Promise<void> {
  const bytes = await readFile(from);
  await writeFile(to, bytes.subarray(0, Math.floor(bytes.length * keep)));
}

/** An MJPEG AVI whose headers (avih, strf) and every JPEG frame (SOF0) claim another size. */
async function patchAviDimensions(
  from: string,
  to: string,
  width: number,
  height: number,
): Promise<void> {
  const bytes = await readFile(from);
  const avih = bytes.indexOf('avih') + 8 + 8 * 4; // dwWidth, dwHeight after 8 DWORDs
  bytes.writeUInt32LE(width, avih);
  bytes.writeUInt32LE(height, avih + 4);
  const strf = bytes.indexOf('strf') + 8 + 4; // BITMAPINFOHEADER biWidth, biHeight
  bytes.writeInt32LE(width, strf);
  bytes.writeInt32LE(height, strf + 4);
  for (let at = bytes.indexOf(SOF0); at >= 0; at = bytes.indexOf(SOF0, at + 2)) {
    bytes.writeUInt16BE(height, at + 5);
    bytes.writeUInt16BE(width, at + 7);
  }
  await writeFile(to, bytes);
}
const SOF0 = Buffer.from([0xff, 0xc0]);

/** A Matroska file whose Segment Info claims a duration of `ms` milliseconds. */
async function patchMatroskaDuration(from: string, to: string, ms: number): Promise<void> {
  const bytes = await readFile(from);
  const at = bytes.indexOf(Buffer.from([0x44, 0x89, 0x88])); // Duration, 8-byte float
  if (at < 0) throw new Error('no 8-byte Duration element');
  bytes.writeDoubleBE(ms, at + 3);
  await writeFile(to, bytes);
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function seededBytes(length: number, seed: number): Buffer {
  const out = Buffer.alloc(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

const MINIMAL_PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
trailer << /Root 1 0 R >>
%%EOF
`;

/** Makes every fixture into `dir`, two at a time (the machine running tests has few cores). */
export async function makeFixtures(dir: string, concurrency = 2): Promise<void> {
  const made = new Map<string, Promise<void>>();
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    while (running >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  for (const [name, maker, deps = []] of FIXTURES) {
    const ready = Promise.all(deps.map((d) => made.get(d)));
    made.set(
      name,
      ready.then(async () => {
        await slot();
        try {
          await maker(join(dir, name), dir);
        } catch (err) {
          throw new Error(`fixture ${name} could not be made: ${String(err)}`);
        } finally {
          release();
        }
      }),
    );
  }
  await Promise.all(made.values());
}
