// Waiting for what a step needs, never for a fixed time: a file on disk, a value in the browser's
// storage, anything Playwright's own locators cannot wait for. A fixed pause is either too short
// on a loaded machine (the test fails) or too long everywhere else.

/**
 * Calls `check` until it returns something other than undefined, null or false, and resolves with
 * that. A `check` that throws counts as "not yet" (a file read half-written, JSON not complete);
 * its last error is reported if the deadline passes. The pause between two calls only sets how
 * often to look, never how long to wait.
 * @template T
 * @param {() => T | Promise<T>} check
 * @param {{ timeout?: number, interval?: number, what?: string }} [options]
 *   what: names the condition in the timeout error, e.g. "the saved session in sessions.jsonl"
 * @returns {Promise<Exclude<Awaited<T>, undefined | null | false>>}
 */
export async function waitUntil(check, { timeout = 15_000, interval = 100, what = 'the condition' } = {}) {
  const deadline = Date.now() + timeout;
  /** @type {unknown} */
  let lastError;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== null && value !== false) return /** @type {any} */ (value);
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what}${why}`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
