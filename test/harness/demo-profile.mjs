// Seeds a run profile with demo data through scripts/demo-data.mjs (npm start -- --demo, the
// activation bench). seedDemo() may write into the extension's globalStorage folder and may return
// the path of a seed JSON file, which the extension imports on activation when it is named by
// CERT_STUDY_DEMO_SEED (src/platform/demoSeed.ts). globalState cannot be written from here: code-server
// keeps it in the browser's IndexedDB.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EXTENSION_ID, REPO_ROOT } from './paths.mjs';

/**
 * @param {import('./run-dir.mjs').RunDir} run
 * @returns {Promise<Record<string, string>>} environment for code-server (its extension host inherits it)
 */
export async function seedDemoProfile(run) {
  const globalStorageDir = join(run.userDataDir, 'User', 'globalStorage', EXTENSION_ID);
  mkdirSync(globalStorageDir, { recursive: true });
  const { seedDemo } = await import(pathToFileURL(join(REPO_ROOT, 'scripts', 'demo-data.mjs')).href);
  const seeded = await seedDemo({ userDataDir: run.userDataDir, globalStorageDir });
  const seedFile = typeof seeded === 'string' ? seeded : seeded?.seedFile;
  return seedFile ? { CERT_STUDY_DEMO_SEED: seedFile } : {};
}
