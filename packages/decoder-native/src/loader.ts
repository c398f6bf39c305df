// Loads the native binary once, and explains every way that can fail.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { NativeAddon } from './native.js';

export const BINARY_PATH = fileURLToPath(
  new URL('../build/Release/imajin_decoder.node', import.meta.url),
);

const BUILD_HINT =
  'run `pnpm --filter @imajin/decoder-native build` (or ./scripts/setup.sh, which installs the libav -dev packages first)';
const APT_HINT =
  'apt-get install libavformat59 libavcodec59 libavutil57 libswscale6 libavfilter8 (Debian 12; or run ./scripts/setup.sh)';

export type NativeLoadProblem =
  | 'missing-binary'
  | 'missing-library'
  | 'abi-mismatch'
  | 'load-failed';

/** The native binary could not be loaded; the message says why and what to do. */
export class NativeLoadError extends Error {
  override readonly name = 'NativeLoadError';
  readonly problem: NativeLoadProblem;

  constructor(problem: NativeLoadProblem, message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.problem = problem;
  }
}

/** Turns a dlopen/require failure into an explanation. */
export function explainLoadFailure(
  err: unknown,
  binaryPath: string = BINARY_PATH,
): NativeLoadError {
  const text = err instanceof Error ? err.message : String(err);
  const missingLib =
    /(lib(?:av\w+|swscale|swresample|postproc)[\w.-]*\.so[\w.]*): cannot open shared object file/.exec(
      text,
    );
  if (missingLib) {
    return new NativeLoadError(
      'missing-library',
      `the decoder's libav shared library ${missingLib[1]} is not installed: ${APT_HINT}. If libav was upgraded since the build, rebuild: ${BUILD_HINT}.`,
      err,
    );
  }
  if (
    /NODE_MODULE_VERSION|undefined symbol|invalid ELF header|wrong ELF class|version `[^']+' not found/.test(
      text,
    )
  ) {
    return new NativeLoadError(
      'abi-mismatch',
      `the decoder binary does not match this Node.js or libav (${text.split('\n')[0]}): rebuild it: ${BUILD_HINT}`,
      err,
    );
  }
  if (
    (err as NodeJS.ErrnoException | undefined)?.code === 'MODULE_NOT_FOUND' ||
    !existsSync(binaryPath)
  ) {
    return new NativeLoadError(
      'missing-binary',
      `the decoder binary ${binaryPath} is not built: ${BUILD_HINT}`,
      err,
    );
  }
  return new NativeLoadError(
    'load-failed',
    `the decoder binary ${binaryPath} failed to load: ${text}`,
    err,
  );
}

/** Libraries whose major version at run time differs from the one the binary was built against
 * (libavfilter only once opened: it is opened by the soname of the major built against). */
export function mismatchedLibraries(versions: ReturnType<NativeAddon['versions']>): string[] {
  const major = (v: string) => v.split('.')[0];
  return (['avformat', 'avcodec', 'avutil', 'swscale', 'avfilter'] as const)
    .filter((lib) => /^\d/.test(versions[lib].loaded))
    .filter((lib) => major(versions[lib].built) !== major(versions[lib].loaded))
    .map((lib) => `lib${lib} built ${versions[lib].built}, loaded ${versions[lib].loaded}`);
}

let cached: NativeAddon | undefined;

/** The native binary, loaded on first use; throws NativeLoadError. */
export function loadNative(): NativeAddon {
  if (cached) return cached;
  if (!existsSync(BINARY_PATH)) {
    throw new NativeLoadError(
      'missing-binary',
      `the decoder binary ${BINARY_PATH} is not built: ${BUILD_HINT}`,
    );
  }
  let addon: NativeAddon;
  try {
    addon = createRequire(import.meta.url)(BINARY_PATH) as NativeAddon;
  } catch (err) {
    throw explainLoadFailure(err);
  }
  const mismatched = mismatchedLibraries(addon.versions());
  if (mismatched.length > 0) {
    throw new NativeLoadError(
      'abi-mismatch',
      `libav changed since the decoder was built (${mismatched.join('; ')}): ${BUILD_HINT}`,
    );
  }
  cached = addon;
  return addon;
}
