/**
 * Measures a synchronous span two ways: wall clock, and CPU time of this process. On a busy
 * machine (the workbench and the browser competing for two cores during a reload) the wall
 * clock also counts time the OS gave to others; CPU time is the work this code itself did.
 */
export interface Span {
  wallMs: number;
  cpuMs: number;
}

export const ZERO_SPAN: Span = { wallMs: 0, cpuMs: 0 };

export function startStopwatch(): () => Span {
  const wall = performance.now();
  // The browser's web worker host has no process CPU clock: there the CPU figure is the wall one.
  const cpuUsage = typeof process === 'undefined' ? undefined : process.cpuUsage.bind(process);
  const cpu = cpuUsage?.();
  return () => {
    const wallMs = performance.now() - wall;
    if (!cpuUsage || !cpu) return { wallMs, cpuMs: wallMs };
    const used = cpuUsage(cpu);
    return { wallMs, cpuMs: (used.user + used.system) / 1000 };
  };
}

export function addSpans(...spans: Span[]): Span {
  return spans.reduce((a, b) => ({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs }), ZERO_SPAN);
}
