/**
 * globalState keys the startup shell reads without loading the app (beside the status record and
 * the row record, which have modules of their own). Imports nothing: the shell bundles it.
 */

/**
 * The demo seed file already taken in (or skipped, the profile had data): set by the app, read by
 * the shell, so a profile started with CERT_STUDY_DEMO_SEED (`npm start -- --demo`, the tests, the
 * benchmarks) loads the app at window start once, to import, and not in every window after.
 */
export const DEMO_SEED_DONE_KEY = 'certStudy.demoSeedDone';
