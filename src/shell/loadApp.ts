import type * as App from '../app';

/**
 * Loads dist/app.js, the extension's real code, on first use. It is a bundle of its own, marked
 * external in esbuild.js, so VS Code's activation (which times loading dist/extension.js and the
 * activate call) never pays for compiling it. A browser bundle, which must be one file, can bundle
 * it in instead: esbuild then wraps it in a lazy initialiser, so its module body (zod schemas, the
 * catalog) still runs only on first use.
 */
export function loadAppModule(): typeof App {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./app.js') as typeof App;
}
