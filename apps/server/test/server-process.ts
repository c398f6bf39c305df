// Runs the built server (dist/main.js) as a real process on 127.0.0.1, the way `pnpm start`
// does, and reads its JSON log lines (the 'listening' line carries the port).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** Every log line so far, parsed (non-JSON lines kept as {msg}). */
  logs: Record<string, unknown>[];
  /** Sends `signal` and resolves with the exit code (or the signal's name). */
  stop(signal?: NodeJS.Signals): Promise<number | string | null>;
}

export async function startServer(
  env: Record<string, string>,
  args: string[] = [],
): Promise<ServerProcess> {
  if (!existsSync(MAIN))
    throw new Error(`${MAIN} is missing: run \`pnpm --filter @imajin/server build\` first`);
  const child = spawn(process.execPath, [MAIN, ...args], {
    // UV_THREADPOOL_SIZE matches DECODE_THREADS so main.js does not re-run itself: the pid
    // we hold is the server, which the SIGKILL test relies on.
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      DECODE_THREADS: '4',
      UV_THREADPOOL_SIZE: '4',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  const exited = new Promise<number | string | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal)),
  );
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let nl = buffered.indexOf('\n');
    while (nl >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ msg: line });
      }
      nl = buffered.indexOf('\n');
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const listening = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`server did not start:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`),
        ),
      30_000,
    );
    const check = setInterval(() => {
      const line = logs.find((l) => l.msg === 'listening');
      if (line) {
        clearInterval(check);
        clearTimeout(timer);
        resolve(Number(line.port));
      }
    }, 20);
    void exited.then((code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(
        new Error(
          `server exited (${code}) before listening:\n${logs.map((l) => JSON.stringify(l)).join('\n')}`,
        ),
      );
    });
  });
  let port: number;
  try {
    port = await listening;
  } catch (err) {
    child.kill('SIGKILL'); // a server that did not start must not outlive the test
    throw err;
  }
  // Ready means Redis answers too (the tests that restart Redis start it first).
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    logs,
    stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** The warning and error lines of these processes, to print when a test fails. */
export function troubleLines(...procs: (ServerProcess | undefined)[]): string {
  return procs
    .flatMap((p) => p?.logs ?? [])
    .filter((l) => l.level === 'error' || l.level === 'warn' || l.level === undefined)
    .map((l) => JSON.stringify(l))
    .join('\n');
}
