#!/usr/bin/env node
// Placeholder until the CLI issue lands: says so instead of failing silently.
process.stderr.write(
  'imajin-video: the CLI is not built yet (commands: classify, scenes, estimate, backfill, contact-sheet).\n',
);
process.exit(2);
