/**
 * A scorer-call budget shared by concurrent workers. A video reserves its planned calls (an
 * upper bound: keyframes before dedupe) before it starts; when it ends, the reservation is
 * replaced by what it really used (a failed video keeps its whole reservation, since its
 * partial calls are not known). So the calls made never exceed the budget.
 */
export class CallBudget {
  private charged = 0;

  constructor(readonly limit: number) {}

  /** Reserves `calls` if they fit; false means the run must stop before this video. */
  tryReserve(calls: number): boolean {
    if (this.charged + calls > this.limit) return false;
    this.charged += calls;
    return true;
  }

  /** Settles a reservation: the video used `used` calls (≤ reserved). */
  settle(reserved: number, used: number): void {
    this.charged -= reserved - Math.min(used, reserved);
  }

  get used(): number {
    return this.charged;
  }
}
