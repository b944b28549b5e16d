/**
 * Makes ICU's date and time-zone data ready off the extension host's thread, before the calendar
 * export (dist/calendar.js) needs it. The first `Intl.DateTimeFormat` of a process loads that
 * data: 15-30 ms in plain Node and 49 ms in the host, one block that no step can split
 * (docs/performance.md, "Blocks over a frame"). The data is the process's, not the thread's: once
 * a worker thread has made one, the host's own first one takes 0.2 ms. Starting the worker
 * costs the host 3-5 ms. Node host only (the web worker host has no worker_threads, and the
 * browser's process has its ICU data loaded by the workbench). Any failure only costs the block.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a Node built-in, loaded when needed */
let warmed: Promise<void> | undefined;
/** The export goes on without the warm-up after this long (the block it saves is 15-50 ms). */
const GIVE_UP_AFTER_MS = 1_000;

export function warmIntlOffThread(): Promise<void> {
  warmed ??= new Promise<void>((resolve) => {
    try {
      const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
      const worker = new Worker("new Intl.DateTimeFormat().resolvedOptions(); require('node:worker_threads').parentPort.postMessage('ready');", { eval: true });
      const done = () => {
        resolve();
        void worker.terminate();
      };
      worker.once('message', done);
      worker.once('error', done);
      worker.once('exit', () => resolve());
      // A worker that never answers (one paused by a debugger) must not hold the export back.
      setTimeout(done, GIVE_UP_AFTER_MS).unref();
    } catch {
      resolve();
    }
  });
  return warmed;
}
