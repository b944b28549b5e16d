// Watches a workbench page, and every frame in it (the webviews' host and content frames), for
// Content Security Policy violations and for markup that ran: a `securitypolicyviolation`
// listener in each frame, the console's security reports (Chromium logs "… violates the following
// Content Security Policy directive …" as a log entry, not a console call: its text is in
// msg.text(), its args are empty) and a check of a global a hostile name would set.
/* global window, document, location */

/** Installed in each frame: records every violation the frame's document reports. */
function installListener() {
  if (window.__cspWatch) return;
  window.__cspWatch = [];
  const record = (/** @type {SecurityPolicyViolationEvent} */ e) =>
    window.__cspWatch.push(`${e.violatedDirective || e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || location.href}:${e.lineNumber}: ${String(e.sample || '').slice(0, 80)}`);
  document.addEventListener('securitypolicyviolation', record, true);
  window.addEventListener('securitypolicyviolation', record, true);
}

/**
 * @typedef {object} CspWatch
 * @property {() => Promise<void>} armFrames  adds the listener to the frames there now (an init
 *   script adds it to frames attached later)
 * @property {() => Promise<{ console: string[], events: string[], globals: string[], frames: number, unarmed: string[] }>} report
 *   what was seen so far: console security reports, violation events (frame url: event), frames
 *   where `window[global]` is defined, how many frames were checked, and the urls of frames
 *   without the listener (none, after armFrames)
 */

/**
 * @param {import('playwright-core').Page} page
 * @param {{ global?: string }} [options] the window property a hostile name would set
 * @returns {Promise<CspWatch>}
 */
export async function watchCsp(page, { global = '__pwned' } = {}) {
  /** @type {string[]} */
  const consoleReports = [];
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy|violates the following|Refused to (load|execute|apply|frame|connect)/i.test(text)) {
      consoleReports.push(`[${msg.type()}] ${text.slice(0, 160)}… (${msg.location()?.url ?? ''})`);
    }
  });
  // Frames attached or navigated from now on get the listener before their own scripts run.
  await page.context().addInitScript(installListener);
  const armFrames = async () => {
    for (const frame of page.frames()) await frame.evaluate(installListener).catch(() => {});
  };
  await armFrames();
  return {
    armFrames,
    report: async () => {
      /** @type {string[]} */
      const events = [];
      /** @type {string[]} */
      const globals = [];
      /** @type {string[]} */
      const unarmed = [];
      let frames = 0;
      for (const frame of page.frames()) {
        const seen = await frame
          .evaluate((name) => ({ events: window.__cspWatch ?? null, global: typeof window[name] === 'undefined' ? null : String(window[name]) }), global)
          .catch(() => null);
        if (!seen) continue; // detached meanwhile
        frames++;
        if (!seen.events) unarmed.push(frame.url().slice(0, 120));
        for (const e of seen.events ?? []) events.push(`${frame.url().slice(0, 120)}: ${e}`);
        if (seen.global !== null) globals.push(`${frame.url().slice(0, 120)}: window.${global} = ${seen.global}`);
      }
      return { console: [...consoleReports], events, globals, frames, unarmed };
    },
  };
}
