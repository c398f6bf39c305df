#!/usr/bin/env node
// Runs the commands the docs show (the root README's quick start and everyday blocks; the start
// blocks of the server README and docs/operations.md) exactly as typed, and checks that each did its job: a
// command that exits 0 having done nothing (as `pnpm server` once did: it is pnpm's own store
// command) fails here. A command in those blocks that this script has no check for fails too,
// so a new line cannot slip past. Needs REDIS_URL (scripts/test.sh starts a loopback Redis).
//
//   node scripts/check-readme-commands.mjs
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PACKAGES = 8; // the workspace's packages; turbo must run a task in each

/** The lines of the first ```sh block after `heading` in `file`, without comments. */
export function commandsUnder(text, heading) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  if (at < 0) throw new Error(`heading not found: ${heading}`);
  const open = lines.findIndex((l, i) => i > at && /^```(sh|bash)$/.test(l.trim()));
  const close = lines.findIndex((l, i) => i > open && l.trim() === '```');
  if (open < 0 || close < 0) throw new Error(`no sh block under ${heading}`);
  return lines
    .slice(open + 1, close)
    .map((l) => l.replace(/(^|\s)#.*$/, '').trim())
    .filter(Boolean)
    .map((l) => l.replace(/\s+/g, ' '));
}

/** Runs a shell line from the repo root; resolves to { code, out } (stdout + stderr). */
function sh(line, env = {}) {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', line], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (code) => resolve({ code, out }));
  });
}

function expect(cond, what, out) {
  if (!cond) throw new Error(`${what}\n--- output ---\n${out.slice(-3000)}`);
}

/** Runs a turbo command; it must run (or replay from cache) a task in every package. */
async function turboRuns(line) {
  const { code, out } = await sh(line);
  expect(code === 0, `exit ${code}`, out);
  const tasks = Number(/Tasks:\s+(\d+) successful/.exec(out)?.[1] ?? 0);
  expect(tasks >= PACKAGES, `expected ${PACKAGES}+ successful turbo tasks, saw ${tasks}`, out);
  return `${tasks} tasks`;
}

/** For commands too heavy to repeat in CI (the suite runs anyway; benchmarks never do): turbo's
 * dry run must list real package scripts for the task. */
async function turboPlans(line, task, minTasks) {
  const { code, out } = await sh(`${line} --dry=json`);
  expect(code === 0, `exit ${code}`, out);
  const plan = JSON.parse(out.slice(out.indexOf('{')));
  const real = plan.tasks.filter(
    (t) => t.taskId.endsWith(`#${task}`) && t.command && t.command !== '<NONEXISTENT>',
  );
  expect(real.length >= minTasks, `expected ${minTasks}+ package scripts, saw ${real.length}`, out);
  return `plans ${real.map((t) => t.taskId).join(', ')}`;
}

/** Starts the server the way the line says, waits for /readyz, then stops it like Ctrl-C. */
function serverAnswers(line, roles) {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', line], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SCORER: 'local' },
      detached: true, // its own process group, signalled as a terminal would
    });
    let out = '';
    let port = 0;
    let ready = false;
    const fail = (msg) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
      reject(new Error(`${msg}\n--- output ---\n${out.slice(-3000)}`));
    };
    const timer = setTimeout(() => fail('no ready /readyz within 60 s'), 60_000);
    const onData = (d) => {
      out += d;
      if (port) return;
      for (const l of out.split('\n')) {
        if (!l.startsWith('{')) continue;
        const rec = JSON.parse(l);
        if (rec.msg !== 'listening') continue;
        port = rec.port;
        if (rec.api !== roles.api || rec.worker !== roles.worker) {
          return fail(
            `expected roles ${JSON.stringify(roles)}, got api=${rec.api} worker=${rec.worker}`,
          );
        }
        void poll();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => {
      if (!ready) return fail(`exited (${code}) before /readyz answered`);
      clearTimeout(timer);
      if (!out.includes('"msg":"stopped"')) return fail('did not stop cleanly on SIGTERM');
      resolve(`ready on port ${port}, stopped cleanly`);
    });
    const poll = async () => {
      while (!ready) {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (res?.status === 200) {
          ready = true;
          process.kill(-child.pid, 'SIGTERM');
          return;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    };
  });
}

async function cliRuns() {
  const help = await sh('pnpm imajin-video --help');
  expect(help.code === 0, `--help exit ${help.code}`, help.out);
  for (const cmd of ['classify', 'scenes', 'estimate', 'backfill', 'contact-sheet']) {
    expect(help.out.includes(cmd), `--help does not list ${cmd}`, help.out);
  }
  const scenes = await sh('pnpm -s imajin-video scenes samples/sample.mp4 --json');
  expect(scenes.code === 0, `scenes exit ${scenes.code}`, scenes.out);
  const { duration_sec, scenes: list } = JSON.parse(scenes.out);
  expect(duration_sec > 0 && list.length > 0, 'scenes printed no scene list', scenes.out);
  return `--help lists every command; scenes samples/sample.mp4 → ${list.length} scenes`;
}

/** The README's demo: its output must begin with the lines the README shows. */
async function demoPrints() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const shown = /The first prints[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(shown, 'README.md shows no demo output (a ```text block after "The first prints")', '');
  const { code, out } = await sh('./scripts/demo.sh 2>/dev/null');
  expect(code === 0, `exit ${code}`, out);
  expect(out.startsWith(shown), 'its output does not begin with the lines README.md shows', out);
  return 'prints what README.md shows';
}

/** Every command the checked blocks may show, and how to tell that it worked. */
const CHECKS = {
  './scripts/demo.sh': demoPrints,
  // This check runs inside it (CI runs exactly ./scripts/test.sh), so it is running as written.
  './scripts/test.sh': async () => {
    if (!process.env.IMAJIN_TEST_SH) throw new Error('run this check from ./scripts/test.sh');
    return 'this check is part of its run';
  },
  'pnpm build': () => turboRuns('pnpm build'),
  'pnpm test': () => turboPlans('pnpm test', 'test', PACKAGES),
  'pnpm lint': async () => {
    const { code, out } = await sh('pnpm lint');
    expect(
      code === 0 && /Checked \d+ files/.test(out),
      `exit ${code}, or biome checked nothing`,
      out,
    );
    return /Checked \d+ files/.exec(out)[0];
  },
  'pnpm typecheck': () => turboRuns('pnpm typecheck'),
  'pnpm bench': () => turboPlans('pnpm bench', 'bench', 2),
  'pnpm imajin-video <command>': cliRuns,
  'pnpm start': () => serverAnswers('pnpm start', { api: true, worker: true }),
  'pnpm start --worker-only': () =>
    serverAnswers('pnpm start --worker-only', { api: false, worker: true }),
  'IN_PROCESS_WORKER=false pnpm start': () =>
    serverAnswers('IN_PROCESS_WORKER=false pnpm start', { api: true, worker: false }),
};

const BLOCKS = [
  ['README.md', '## Quick start (fresh Debian 12 machine with Node.js 20, as root or with sudo)'],
  ['README.md', '## Everyday commands (from the repo root)'],
  ['apps/server/README.md', '# @imajin/server — the classify-video HTTP API'],
  ['docs/operations.md', '## Processes'],
];

async function main() {
  if (!process.env.REDIS_URL) throw new Error('REDIS_URL is not set (source scripts/redis.sh)');
  let failed = 0;
  const done = new Set();
  for (const [file, heading] of BLOCKS) {
    for (const command of commandsUnder(readFileSync(join(ROOT, file), 'utf8'), heading)) {
      const label = `${file}: ${command}`;
      const check = CHECKS[command];
      if (!check) {
        failed++;
        console.error(
          `FAIL ${label}\n  no check for this command: add one to scripts/check-readme-commands.mjs`,
        );
        continue;
      }
      if (done.has(command)) continue;
      done.add(command);
      try {
        console.error(`ok   ${label} (${await check()})`);
      } catch (err) {
        failed++;
        console.error(`FAIL ${label}\n  ${err.message.replaceAll('\n', '\n  ')}`);
      }
    }
  }
  if (failed) {
    console.error(`${failed} README command(s) failed`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
