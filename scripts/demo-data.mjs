// Demo data for `npm start -- --demo` and the activation bench (see test/harness/demo-profile.mjs).
// Writes a seed file from the seeded generator in test/support/; the extension imports it on
// activation into an EMPTY profile when CERT_STUDY_DEMO_SEED names it (src/platform/demoSeed.ts), through
// the same validated store as everything else. globalState cannot be written from outside:
// code-server keeps it in the browser's IndexedDB.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * @param {{ userDataDir: string, globalStorageDir: string, dataset?: 'demo' | 'ten-years' }} profile
 * @returns {Promise<{ seedFile: string }>}
 */
export async function seedDemo({ userDataDir, dataset = process.env.CERT_STUDY_DATASET === 'ten-years' ? 'ten-years' : 'demo' }) {
  const seedFile = join(userDataDir, `cert-study-${dataset}-seed.json`);
  execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'writeSeedFile.ts'), seedFile, dataset], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return { seedFile };
}
