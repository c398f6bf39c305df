// The per-process concurrency limit shared by queue jobs and sync requests: decoding and
// scoring run at most `size` videos at a time in one process, whichever path they came by.

export type Release = () => void;

export class Slots {
  private free: number;
  private readonly waiters: { grant: (r: Release) => void }[] = [];

  constructor(readonly size: number) {
    this.free = size;
  }

  get inUse(): number {
    return this.size - this.free;
  }

  /** Waits as long as it takes for a slot. */
  acquire(): Promise<Release> {
    return this.acquireWithin(undefined) as Promise<Release>;
  }

  /** Waits for a slot; with `timeoutMs`, resolves null if none frees up in time. */
  acquireWithin(timeoutMs: number | undefined): Promise<Release | null> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve) => {
      const waiter = { grant: (r: Release) => resolve(r) };
      this.waiters.push(waiter);
      if (timeoutMs !== undefined) {
        setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i >= 0) {
            this.waiters.splice(i, 1);
            resolve(null);
          }
        }, timeoutMs).unref();
      }
    });
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant(this.releaser());
      else this.free++;
    };
  }
}
