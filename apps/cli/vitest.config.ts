import { defineConfig } from 'vitest/config';

// Most tests run the built CLI as a subprocess on ffmpeg-made videos: allow for a busy machine.
export default defineConfig({
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
});
