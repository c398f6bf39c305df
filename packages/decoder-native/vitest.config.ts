import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Fixtures are real videos made by the ffmpeg CLI once per run (test/global-setup.ts).
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: 30_000,
  },
});
