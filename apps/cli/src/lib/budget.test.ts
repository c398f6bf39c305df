import { describe, expect, it } from 'vitest';
import { CallBudget } from './budget.js';

describe('CallBudget', () => {
  it('reserves while the plan fits and refuses the one that would exceed', () => {
    const b = new CallBudget(20);
    expect(b.tryReserve(8)).toBe(true);
    expect(b.tryReserve(8)).toBe(true);
    expect(b.tryReserve(5)).toBe(false);
    expect(b.tryReserve(4)).toBe(true);
    expect(b.used).toBe(20);
  });

  it('gives back what a finished video did not use, keeps a failed one charged', () => {
    const b = new CallBudget(10);
    b.tryReserve(6);
    b.settle(6, 4); // dedupe saved two calls
    expect(b.used).toBe(4);
    b.tryReserve(6);
    expect(b.used).toBe(10);
    expect(b.tryReserve(1)).toBe(false);
  });

  it('never credits more than was reserved', () => {
    const b = new CallBudget(10);
    b.tryReserve(3);
    b.settle(3, 7);
    expect(b.used).toBe(3);
  });
});
