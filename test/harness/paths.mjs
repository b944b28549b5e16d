// Where the harness keeps things. One module so every runner agrees on the layout and the
// pinned versions, and so nothing is written outside the repo's git-ignored folders.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Absolute path of the repository root (this file lives in test/harness/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');

/** Git-ignored scratch area, like test-electron's `.vscode-test`. */
export const CACHE_DIR = join(REPO_ROOT, '.cache');

/**
 * code-server 4.100.3 bundles VS Code 1.100.3, the newest code-server whose `engines` still
 * accept Node 20 (our `engines.vscode` is ^1.100.0, so this is also the oldest VS Code we claim).
 */
export const CODE_SERVER_VERSION = '4.100.3';

/** npm --prefix target for the pinned code-server install. */
export const CODE_SERVER_PREFIX = join(CACHE_DIR, 'code-server');

/** Per-run folders (user data, extensions, browser profile, logs): `.cache/runs/<id>`. */
export const RUNS_DIR = join(CACHE_DIR, 'runs');

/** Git-ignored output for humans and CI artefacts (screenshots of failed UI tests). */
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

/** `publisher.name` from package.json; code-server keys state and storage folders by it. */
export const EXTENSION_ID = 'cert-study.cert-study-tracker';

/** Debian's chromium; Playwright's own browser download is not reachable from here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
