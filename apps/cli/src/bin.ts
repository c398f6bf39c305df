#!/usr/bin/env node
// imajin-video: the command layer. Heavy modules load inside each command (see program.ts).
import { CommanderError } from 'commander';
import { EXIT, UsageError } from './lib/errors.js';
import { buildProgram } from './program.js';

// A reader that goes away (`… | head`) is not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.OK);
  throw err;
});

let exitCode: number = EXIT.OK;
const program = buildProgram((code) => {
  exitCode = code;
});

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Help and --version exit 0; every other commander error is a usage error.
    exitCode = err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else if (err instanceof UsageError) {
    process.stderr.write(`imajin-video: ${err.message}\n(add --help for usage)\n`);
    exitCode = EXIT.USAGE;
  } else {
    process.stderr.write(
      `imajin-video: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    exitCode = EXIT.FAILED;
  }
}
// Exit explicitly: a loaded model or keep-alive sockets must not hold the process open.
process.exit(exitCode);
