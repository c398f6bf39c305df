import { describe, expect, it } from 'vitest';
import { Slots } from './slots.js';

describe('Slots', () => {
  it('grants up to size, queues the rest in order, and times out a bounded wait', async () => {
    const slots = new Slots(2);
    const a = await slots.acquire();
    await slots.acquire();
    expect(slots.inUse).toBe(2);
    expect(await slots.acquireWithin(30)).toBeNull();
    const order: string[] = [];
    const queued = (name: string) =>
      slots.acquire().then((release) => {
        order.push(name);
        return release;
      });
    const c = queued('c');
    const d = queued('d');
    a();
    a(); // a second release of the same slot is a no-op
    const rc = await c;
    expect(order).toEqual(['c']);
    rc();
    await d;
    expect(order).toEqual(['c', 'd']);
    expect(slots.inUse).toBe(2);
  });
});
