// The arguments of a bench or test script. `pnpm <script> -- --flag` passes the `--` through to
// the script (pnpm 10), where parseArgs would take it as the end of the options: drop it.
export function scriptArgs(argv: readonly string[] = process.argv.slice(2)): string[] {
  return argv[0] === '--' ? argv.slice(1) : [...argv];
}
