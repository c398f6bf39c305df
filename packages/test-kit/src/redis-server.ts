// A Redis of the test's own (restart tests, load and chaos scripts): loopback, AOF,
// noeviction, no snapshots, its files in `dir`.
import { type ChildProcess, spawn } from 'node:child_process';
import { Redis } from 'ioredis';

export interface OwnRedis {
  url: string;
  /** Starts redis-server and resolves once it answers PING. */
  start(): Promise<void>;
  /** SHUTDOWN (the AOF is flushed first), as an operator's restart would. */
  stop(): Promise<void>;
}

export function ownRedis(port: number, dir: string, extraArgs: string[] = []): OwnRedis {
  let child: ChildProcess | undefined;
  const url = `redis://127.0.0.1:${port}`;
  return {
    url,
    async start() {
      child = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--dir',
          dir,
          '--appendonly',
          'yes',
          '--maxmemory-policy',
          'noeviction',
          '--save',
          '',
          ...extraArgs,
        ],
        { stdio: 'ignore' },
      );
      for (let i = 0; i < 100; i++) {
        const probe = new Redis(url, {
          lazyConnect: true,
          retryStrategy: () => null,
          maxRetriesPerRequest: 0,
        });
        probe.on('error', () => undefined);
        const ok = await probe.connect().then(
          () => probe.ping(),
          () => null,
        );
        probe.disconnect();
        if (ok === 'PONG') return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server on port ${port} did not come up`);
    },
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once('exit', r));
      const admin = new Redis(url, { maxRetriesPerRequest: 0 });
      admin.on('error', () => undefined);
      await admin.shutdown().catch(() => undefined);
      admin.disconnect();
      await exited;
    },
  };
}
