/**
 * Runs `work` over `items` with at most `concurrency` at once, in order of start. Stops
 * starting new items once `shouldStop()` is true; items already started finish (or abort by
 * their own signal). `work` must not throw: failures are its own business.
 */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  shouldStop: () => boolean = () => false,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !shouldStop()) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker),
  );
}
