// Every Redis key the server uses (BullMQ's own keys live under `${prefix}:bull`).

export interface Keys {
  job(id: string): string;
  video(id: string): string;
  dedupe(key: string): string;
  /** A job's callback targets and their delivery state (callbacks/state.ts). */
  callbacks(id: string): string;
  queuedBytes: string;
  queuedBytesByJob: string;
  breakerFailures: string;
  breakerOpen: string;
  breakerProbe: string;
  bullPrefix: string;
}

export function redisKeys(prefix: string): Keys {
  return {
    job: (id) => `${prefix}:job:${id}`,
    video: (id) => `${prefix}:video:${id}`,
    dedupe: (key) => `${prefix}:dedupe:${key}`,
    callbacks: (id) => `${prefix}:callbacks:${id}`,
    queuedBytes: `${prefix}:queued-bytes`,
    queuedBytesByJob: `${prefix}:queued-bytes-by-job`,
    breakerFailures: `${prefix}:breaker:failures`,
    breakerOpen: `${prefix}:breaker:open`,
    breakerProbe: `${prefix}:breaker:probe`,
    bullPrefix: `${prefix}:bull`,
  };
}
