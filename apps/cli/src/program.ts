import { createRequire } from 'node:module';
import { Command, Option } from 'commander';
import { collectBand, MAX_KEYFRAMES, parseBand } from './lib/band.js';
import { intOption, numberOption } from './lib/numbers.js';

/** Every command returns its exit code (lib/errors.ts EXIT). */
export type ExitCode = number;

const THRESHOLD_HELP = "scene-cut threshold on the decoder's 0..1 scene-score scale (default 0.3)";

const EXIT_CODES_HELP = `
Exit codes:
  0    every input succeeded
  1    some inputs failed (the others were still processed)
  2    usage error (bad command, option or argument)
  130  interrupted (Ctrl-C); backfill output stays valid and resumable`;

function scorerOptions(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--scorer <kind>', 'scorer to run in-process')
        .choices(['local', 'model-boss'])
        .env('SCORER')
        .default('local'),
    )
    .addOption(
      new Option('--model-boss-url <url>', 'model-boss base URL (with --scorer model-boss)').env(
        'MODEL_BOSS_URL',
      ),
    );
}

function samplingOptions(cmd: Command): Command {
  return cmd
    .option(
      '--keyframes <n>',
      'score N evenly spaced frames (clamped to the band) instead of scene-aware sampling',
      intOption('--keyframes', 1, MAX_KEYFRAMES),
    )
    .option(
      '--band <min:max>',
      'keyframe band: at least min, at most max frames a video (default 3:16)',
      parseBand,
    )
    .option('--threshold <x>', THRESHOLD_HELP, numberOption('--threshold', 0, 1));
}

function serverOptions(cmd: Command): Command {
  return cmd
    .option(
      '--server <url>',
      'send videos to a running imajin-video server instead of classifying in-process',
    )
    .addOption(
      new Option('--token <token>', 'bearer token for a server that sets API_TOKENS').env(
        'IMAJIN_TOKEN',
      ),
    );
}

export function buildProgram(run: (code: ExitCode) => void): Command {
  const program = new Command('imajin-video')
    .description(
      'Classify videos the way the platform classifies photos: scene-aware keyframes, SigLIP2 rubric, MAX aggregation.',
    )
    .version(packageVersion())
    .showHelpAfterError('(add --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP)
    .exitOverride();

  const classify = program
    .command('classify')
    .description('classify videos: explicitness, is_explicit, quality, scored frames, poster')
    .argument('<file...>', 'video files')
    .option('--poster <out.jpg>', 'write the poster frame (JPEG) here (one input only)')
    .option(
      '--json',
      'print the result object (docs/http-api.md) on stdout; JSONL for several inputs',
    );
  samplingOptions(classify);
  scorerOptions(classify);
  serverOptions(classify);
  classify
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (files: string[], opts, cmd: Command) => {
      const { runClassify } = await import('./commands/classify.js');
      run(await runClassify(files, { ...opts, scorerSource: cmd.getOptionValueSource('scorer') }));
    });

  program
    .command('scenes')
    .description('list the scenes and cut times of a video (scene scan only, no scoring)')
    .argument('<file>', 'video file')
    .option('--threshold <x>', THRESHOLD_HELP, numberOption('--threshold', 0, 1))
    .option('--json', 'print {"duration_sec","cuts":[...],"scenes":[{"start","end"}...]} on stdout')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (file: string, opts) => {
      const { runScenes } = await import('./commands/scenes.js');
      run(await runScenes(file, opts));
    });

  program
    .command('estimate')
    .description(
      'what a backfill would cost: scene scan only, keyframes and scorer calls per band, GPU time',
    )
    .argument(
      '<input...>',
      'folders (searched recursively), video files, or list.txt files (one path a line)',
    )
    .option(
      '--band <min:max>',
      'also count calls for this band (repeatable); the first row is the default 3:16',
      collectBand,
    )
    .option(
      '--keyframes <n>',
      'count N forced keyframes a video instead of scene-aware sampling',
      intOption('--keyframes', 1, MAX_KEYFRAMES),
    )
    .option('--threshold <x>', THRESHOLD_HELP, numberOption('--threshold', 0, 1))
    .option(
      '--sec-per-call <s>',
      'GPU seconds per scorer call',
      numberOption('--sec-per-call', 0),
      0.05,
    )
    .option('--concurrency <n>', 'videos scanned at once', intOption('--concurrency', 1, 64), 2)
    .option('--per-video', 'also print a row per video (always in --json)')
    .option('--json', 'print one JSON report on stdout')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], opts) => {
      const { runEstimate } = await import('./commands/estimate.js');
      run(await runEstimate(inputs, opts));
    });

  const backfill = program
    .command('backfill')
    .description('classify every video into a resumable JSONL file (one line per video)')
    .argument(
      '<input...>',
      'folders (searched recursively), video files, or list.txt files (one path a line)',
    )
    .requiredOption('--out <results.jsonl>', 'JSONL output, appended to; also the resume state')
    .option('--posters <dir>', 'write each poster as <dir>/<sha256>.jpg')
    .option('--concurrency <n>', 'videos classified at once', intOption('--concurrency', 1, 64), 2)
    .option(
      '--max-calls <n>',
      'scorer-call budget: stop before a video would exceed it (resumable)',
      intOption('--max-calls', 1),
    )
    .option(
      '--retry-failed',
      'retry every earlier failure, terminal ones too (retryable ones are always retried)',
    );
  samplingOptions(backfill);
  scorerOptions(backfill);
  serverOptions(backfill);
  backfill
    .addHelpText('after', EXIT_CODES_HELP)
    .action(async (inputs: string[], opts, cmd: Command) => {
      const { runBackfill } = await import('./commands/backfill.js');
      run(await runBackfill(inputs, { ...opts, scorerSource: cmd.getOptionValueSource('scorer') }));
    });

  const sheet = program
    .command('contact-sheet')
    .description(
      'a PNG grid of the scored keyframes, each labelled with time, explicitness, nsfw and quality; the poster marked',
    )
    .argument('<file>', 'video file')
    .requiredOption('-o, --out <sheet.png>', 'PNG to write')
    .option('--columns <n>', 'cells a row (default: about square)', intOption('--columns', 1, 16))
    .option('--cell-width <px>', 'width of one cell', intOption('--cell-width', 120, 1920), 320);
  samplingOptions(sheet);
  scorerOptions(sheet);
  sheet.addHelpText('after', EXIT_CODES_HELP).action(async (file: string, opts) => {
    const { runContactSheet } = await import('./commands/contact-sheet.js');
    run(await runContactSheet(file, opts));
  });

  program
    .command('report')
    .description(
      "one self-contained HTML page of a backfill's results: summary, filters, a timeline per video",
    )
    .argument('<results.jsonl>', "a backfill's --out file")
    .requiredOption('-o, --out <report.html>', 'HTML page to write')
    .option(
      '--posters <dir>',
      "the backfill's --posters folder: thumbnails from its JPEGs, linked to the full size",
    )
    .addHelpText(
      'after',
      `
Exit codes:
  0    the page was written (whatever the results hold)
  1    the page could not be written
  2    usage error (bad option, missing file)`,
    )
    .action(async (file: string, opts) => {
      const { runReport } = await import('./report/command.js');
      run(await runReport(file, opts));
    });

  return program;
}

function packageVersion(): string {
  const pkg = createRequire(import.meta.url)('../package.json') as { version?: string };
  return pkg.version ?? '0.0.0';
}
