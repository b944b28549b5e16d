// Everything the harness starts (code-server's process group, chromium, run folders) registers
// an undo step here, so Ctrl-C, a timeout or an uncaught error never leaves a server listening or
// a 300 MB profile behind. Steps are synchronous on purpose: 'exit' handlers cannot await.

/** @type {Set<() => void>} */
const steps = new Set();
let installed = false;

/**
 * Registers a synchronous, best-effort undo step; returns a function that unregisters it
 * (call that once the resource has been released the normal, awaited way).
 * @param {() => void} step
 * @returns {() => void}
 */
export function onCleanup(step) {
  installHandlers();
  steps.add(step);
  return () => steps.delete(step);
}

/** Runs (and forgets) every registered step, newest first, ignoring their errors. */
export function runCleanupNow() {
  for (const step of [...steps].reverse()) {
    steps.delete(step);
    try {
      step();
    } catch {
      // best effort: one failed undo must not stop the others
    }
  }
}

/**
 * Signals a whole process group (children are spawned `detached`, i.e. as group leaders), so the
 * extension host, pty host and file watcher that code-server forks die with it.
 * @param {number | undefined} pid
 * @param {NodeJS.Signals} signal
 * @returns {boolean} whether the group still existed
 */
export function killGroup(pid, signal) {
  if (!pid) return false;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // ESRCH: already gone
  }
}

/** @param {NodeJS.Signals} signal @param {number} code */
function exitOnSignal(signal, code) {
  process.on(signal, () => {
    process.stderr.write(`\n[harness] ${signal}: stopping everything this run started\n`);
    runCleanupNow();
    process.exit(code);
  });
}

function installHandlers() {
  if (installed) return;
  installed = true;
  process.on('exit', runCleanupNow);
  exitOnSignal('SIGINT', 130);
  exitOnSignal('SIGTERM', 143);
  exitOnSignal('SIGHUP', 129);
}
