import { defineConfig } from 'vitest/config';

// The tests run ffmpeg and child processes: allow for a busy machine.
export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 },
});
