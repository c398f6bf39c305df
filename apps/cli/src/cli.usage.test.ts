// The command line itself: --help for each command, usage errors exit 2. No video needed.
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli.js';

describe('imajin-video --help', () => {
  it('lists every command and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['classify', 'scenes', 'estimate', 'backfill', 'contact-sheet'])
      expect(r.stdout).toContain(c);
    expect(r.stdout).toMatch(/Exit codes:[\s\S]*2 +usage error/);
  });

  it.each([
    [
      'classify',
      [
        '--poster',
        '--keyframes',
        '--band',
        '--json',
        '--scorer',
        '--model-boss-url',
        '--server',
        '--token',
      ],
    ],
    ['scenes', ['--threshold', '--json']],
    ['estimate', ['--band', '--sec-per-call', '--keyframes', '--json', '--per-video']],
    [
      'backfill',
      ['--out', '--posters', '--concurrency', '--max-calls', '--retry-failed', '--server'],
    ],
    ['contact-sheet', ['--out', '--columns', '--cell-width', '--scorer']],
  ])('documents the options of %s', async (command, options) => {
    const r = await runCli([command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: imajin-video ${command}`);
    for (const o of options) expect(r.stdout).toContain(o);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    ['no command', []],
    ['an unknown command', ['classfy', 'a.mp4']],
    ['a missing argument', ['scenes']],
    ['an unknown option', ['scenes', 'a.mp4', '--fast']],
    ['a bad band', ['classify', 'a.mp4', '--band', '9:3']],
    ['a bad keyframe count', ['classify', 'a.mp4', '--keyframes', 'many']],
    ['a keyframe count over the memory bound', ['classify', 'a.mp4', '--keyframes', '33']],
    ['a band over the memory bound', ['estimate', 'a.mp4', '--band', '3:1000']],
    ['an unknown scorer', ['classify', 'a.mp4', '--scorer', 'gpu']],
    ['model-boss without a URL', ['classify', 'a.mp4', '--scorer', 'model-boss']],
    ['--poster with several inputs', ['classify', 'a.mp4', 'b.mp4', '--poster', 'p.jpg']],
    ['backfill without --out', ['backfill', 'dir']],
    ['a list file that does not exist', ['estimate', 'missing-list.txt']],
    [
      '--band with --server',
      ['classify', 'a.mp4', '--server', 'http://127.0.0.1:1', '--band', '3:5'],
    ],
    ['a bad --sec-per-call', ['estimate', 'dir', '--sec-per-call', '-1']],
  ])('%s', async (_name, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/error|imajin-video:|Usage/);
  });

  it('SCORER from the environment is checked like --scorer', async () => {
    const r = await runCli(['classify', 'a.mp4'], { env: { SCORER: 'model-boss' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('MODEL_BOSS_URL');
  });
});
