// Makes every fixture video once per test run, into a temp dir the tests get via inject().
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeFixtures } from './fixtures.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fixtureDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'decoder-native-fixtures-'));
  await makeFixtures(dir);
  project.provide('fixtureDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
