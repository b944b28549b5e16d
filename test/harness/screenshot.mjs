// One way to keep a picture of what the page showed: test-results/<name>.png (git-ignored).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from './paths.mjs';

/**
 * Saves a screenshot of `page`; the file's path, or undefined when the page is gone.
 * @param {import('playwright-core').Page | undefined} page
 * @param {string} name
 * @returns {Promise<string | undefined>}
 */
export async function saveScreenshot(page, name) {
  if (!page) return undefined;
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  try {
    await page.screenshot({ path: file, timeout: 5000 });
    return file;
  } catch {
    return undefined;
  }
}
