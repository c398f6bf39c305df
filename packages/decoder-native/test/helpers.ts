import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, inject } from 'vitest';
import { DecodeError, type DecodeErrorCode } from '../src/index.js';

/** The path of a fixture made by test/global-setup.ts. */
export function fixture(name: string): string {
  return join(inject('fixtureDir'), name);
}

export function fixtureBytes(name: string): Promise<Buffer> {
  return readFile(fixture(name));
}

/** Asserts that `promise` rejects with a DecodeError of `code`, and returns it. */
export async function expectDecodeError(
  promise: Promise<unknown>,
  code: DecodeErrorCode,
): Promise<DecodeError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, `expected a DecodeError ${code}`).toBeInstanceOf(DecodeError);
  expect((err as DecodeError).code).toBe(code);
  return err as DecodeError;
}

/** The RGB triple at (x, y) of a packed RGB24 frame. */
export function pixel(
  frame: { width: number; data: Buffer },
  x: number,
  y: number,
): [number, number, number] {
  const i = (y * frame.width + x) * 3;
  return [frame.data[i] ?? -1, frame.data[i + 1] ?? -1, frame.data[i + 2] ?? -1];
}
