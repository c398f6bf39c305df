// DECODE_THREADS sizes libuv's thread pool, where the decoder, sharp and fs run. libuv reads
// UV_THREADPOOL_SIZE once, when the pool starts, and an ES module entry point has already
// started it by the time its code runs. So when the size asked for is not the one this
// process started with, we run ourselves again with it set, as a child that dies with us.
import { spawn } from 'node:child_process';

const LIBUV_DEFAULT = 4;

export function threadPoolMatches(decodeThreads: number): boolean {
  const current = Number(process.env.UV_THREADPOOL_SIZE ?? LIBUV_DEFAULT);
  return current === decodeThreads;
}

/** Runs this entry point again with UV_THREADPOOL_SIZE set; resolves to the exit code. */
export function rerunWithThreadPool(decodeThreads: number): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    env: { ...process.env, UV_THREADPOOL_SIZE: String(decodeThreads) },
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.on(signal, () => child.kill(signal));
  }
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)));
  });
}

/** In the child: if the parent is killed outright (SIGKILL), go down with it. */
export function dieWithParent(): void {
  if (process.send && process.env.UV_THREADPOOL_SIZE) {
    process.on('disconnect', () => process.exit(137));
  }
}
