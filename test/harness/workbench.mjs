// Opens the VS Code web workbench served by code-server in a Playwright page, with the two hooks
// the test-electron route gets from the desktop app for free:
//  - the exit code: the workbench calls window.codeAutomationExit(code, logs) when the extension
//    host that ran extensionTestsPath exits (0 when run() resolved, 1 when it rejected, threw or
//    was missing);
//  - the output: extension-host console output only reaches us through the page's console.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { waitUntil } from './wait.mjs';

/**
 * code-server rejects --extensionDevelopmentPath; the workbench reads it from the URL `payload`.
 * Paths must be vscode-remote:// URIs on the server's authority: a plain path hangs silently.
 * @param {string} serverUrl e.g. http://127.0.0.1:41234
 * @param {{ folder: string, extensionDevelopmentPath?: string, extensionTestsPath?: string }} options
 */
export function workbenchUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const authority = new URL(serverUrl).host;
  const remote = (/** @type {string} */ p) => `vscode-remote://${authority}${p}`;
  /** @type {[string, string][]} */
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Renders console arguments the way DevTools would, minus styling: `%c` consumes a CSS argument,
 * `%s/%d/%i/%f/%o/%O` substitute. VS Code forwards extension-host output as
 * ['%c[Extension Host] %c<message>', css, css, ...args, '(source frame)'].
 * @param {unknown[]} args
 * @param {string} [fallback] the message's own text, for messages with no arguments
 */
export function formatConsoleArgs(args, fallback = '') {
  // Chromium's own reports (a CSP violation, a failed load) carry no arguments, only text.
  if (args.length === 0) return fallback;
  const [first, ...rest] = args;
  let out = '';
  if (typeof first === 'string') {
    out = first.replace(/%([csdifoO%])/g, (whole, kind) => {
      if (kind === '%') return '%';
      if (rest.length === 0) return whole;
      const value = rest.shift();
      if (kind === 'c') return '';
      if (kind === 'd' || kind === 'i') return String(parseInt(String(value), 10));
      if (kind === 'f') return String(Number(value));
      return typeof value === 'string' ? value : JSON.stringify(value);
    });
  } else {
    rest.unshift(first);
  }
  for (const value of rest) out += ' ' + (typeof value === 'string' ? value : JSON.stringify(value));
  return out;
}

/**
 * Strips what VS Code adds around extension-host messages: the "[Extension Host] " label and the
 * trailing "(at file:line:col)" / "(file:line:col)" frame of the console call.
 * @param {string} line
 */
export function cleanExtensionHostLine(line) {
  return line
    .replace(/^\[Extension Host\] ?/, '')
    .replace(/ \((?:at )?[^()\s]*:\d+:\d+\)$/, '')
    .replace(/ \(at [^()]*\([^()]*:\d+:\d+\)\)$/, '');
}

/**
 * @typedef {object} Workbench
 * @property {import('playwright-core').Page} page
 * @property {(url: string) => Promise<void>} load    navigate (or re-navigate = reload) to url
 * @property {() => Promise<number>} nextExit          resolves with the next codeAutomationExit code
 * @property {() => Promise<void>} flush               waits until console lines seen so far are forwarded
 */

/**
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ onLine?: (line: string, type: string) => void, logsDir?: string }} [options]
 *   onLine: every console line from the page (extension-host lines cleaned), for forwarding;
 *   logsDir: where to save the log files the workbench hands to codeAutomationExit.
 * @returns {Promise<Workbench>}
 */
export async function attachWorkbench(context, { onLine = () => {}, logsDir } = {}) {
  const page = context.pages()[0] ?? (await context.newPage());
  /** @type {((code: number) => void)[]} */
  let waiters = [];
  /** @type {number[]} */
  const pending = [];
  // Exposed once per page; it survives navigations, so reloads reuse it.
  await page.exposeFunction('codeAutomationExit', (/** @type {number} */ code, /** @type {{relativePath: string, contents: string}[]} */ logs) => {
    if (logsDir && Array.isArray(logs)) {
      for (const log of logs) {
        const file = join(logsDir, log.relativePath.replace(/\.\.+/g, '_'));
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, log.contents);
      }
    }
    const waiter = waiters.shift();
    if (waiter) waiter(code);
    else pending.push(code);
  });
  // Arguments are read asynchronously; chaining keeps the lines in the order they were logged.
  let chain = Promise.resolve();
  page.on('console', (msg) => {
    const text = Promise.all(msg.args().map((a) => a.jsonValue())).then(
      (args) => formatConsoleArgs(args, msg.text()),
      () => msg.text(), // the page navigated away while we were reading the arguments
    );
    chain = chain.then(async () => {
      const formatted = await text;
      const fromHost = formatted.startsWith('[Extension Host]');
      for (const line of formatted.split('\n')) {
        onLine(fromHost ? cleanExtensionHostLine(line) : line, fromHost ? 'exthost' : msg.type());
      }
    });
  });
  page.on('pageerror', (err) => onLine(`[page error] ${err.message}`, 'error'));
  page.on('crash', () => onLine('[page crashed]', 'error'));
  return {
    page,
    load: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    nextExit: async () => {
      const code = pending.length ? /** @type {number} */ (pending.shift()) : await new Promise((r) => waiters.push(r));
      await chain; // print everything logged before the exit first
      return code;
    },
    flush: () => chain,
  };
}

/**
 * Runs a command through the command palette, as a person would (F1, type, pick the row whose
 * label is exactly `title`).
 *
 * The palette lists the commands known when it opens and does not add ones registered while it
 * is open. An extension's commands are registered a while after the workbench shows (once its
 * extension host has scanned the extension's package.json, later still on a loaded machine), so
 * a palette opened too early never lists them, however long one waits. When the row is not there
 * the palette is closed and opened again, each time giving it a little longer to list it, until
 * `timeout`. Nothing here depends on how fast the machine is: only the deadline does.
 * @param {import('playwright-core').Page} page
 * @param {string} title e.g. "Developer: Reload Window"
 * @param {{ timeout?: number }} [options]
 */
export async function runCommand(page, title, { timeout = 30_000 } = {}) {
  const deadline = Date.now() + timeout;
  const left = () => Math.max(1, deadline - Date.now());
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const row = widget
    .locator('.quick-input-list .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(title)}$`) }) })
    .first();
  await page.locator('.monaco-workbench').waitFor({ timeout: left() });
  for (let attempt = 1; ; attempt++) {
    // How long this opening of the palette gets to show the row (or to open at all: F1 does
    // nothing until the workbench has its keybindings) before it is closed and opened again.
    const patience = Math.min(left(), attempt * 1000);
    await page.keyboard.press('F1');
    const listed = await input
      .waitFor({ state: 'visible', timeout: patience })
      .then(async () => {
        await input.fill(`>${title}`);
        await row.waitFor({ state: 'visible', timeout: patience });
        return true;
      })
      .catch(() => false);
    if (listed) break;
    if (Date.now() >= deadline) throw new Error(`the Command Palette did not list "${title}" within ${timeout} ms`);
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: left() });
  }
  await row.click({ timeout: left() });
}

/**
 * Reloads the window the way "Developer: Reload Window" does. Unlike page.reload() (the browser's
 * F5), the command flushes the workbench's storage before unloading: globalState lives in the
 * browser's IndexedDB and is otherwise only flushed every 5 s, so a plain page reload can lose
 * what the extension wrote just before it.
 * @param {import('playwright-core').Page} page
 * @param {{ timeout?: number }} [options]
 */
export async function reloadWindow(page, { timeout = 30_000 } = {}) {
  const navigated = page.waitForEvent('load', { timeout });
  await runCommand(page, 'Developer: Reload Window', { timeout });
  await navigated;
}

/**
 * Changes user settings the way a person does, in the settings.json editor, so the workbench
 * applies them at once (a write to the file from outside is not always noticed by code-server).
 * @param {import('playwright-core').Page} page
 * @param {Record<string, unknown> | (() => Record<string, unknown>)} settings the whole new
 *   content of the user settings; a function is called once the editor is open, just before the
 *   text goes in (for values that depend on when they land, such as a test clock)
 * @param {{ file: string }} options file: the user settings file on the server
 *   (`<user data>/User/settings.json`), to see the save land
 */
export async function editUserSettings(page, settings, { file }) {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const editor = page.locator('.editor-instance .monaco-editor').first();
  await editor.waitFor({ timeout: 15_000 });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  const wanted = typeof settings === 'function' ? settings() : settings;
  // The editor takes inserted text as typed: it indents new lines (harmless) and closes each
  // bracket it opens, after the cursor. Those closers go, so the file holds exactly `wanted`.
  await page.keyboard.insertText(JSON.stringify(wanted, null, 2));
  await page.keyboard.press('ControlOrMeta+Shift+End');
  await page.keyboard.press('Delete');
  await page.keyboard.press('ControlOrMeta+S');
  // Closing the editor before the save has landed would ask whether to save (and this editor
  // shows no dirty mark to watch): wait for the file on the server to hold the new settings.
  await waitUntil(() => isDeepStrictEqual(JSON.parse(readFileSync(file, 'utf8')), wanted), { what: `the saved settings in ${file}` });
  await runCommand(page, 'View: Close Editor');
}

/** @param {string} text */
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

