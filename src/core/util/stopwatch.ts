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
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wallMs: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

export function addSpans(...spans: Span[]): Span {
  return spans.reduce((a, b) => ({ wallMs: a.wallMs + b.wallMs, cpuMs: a.cpuMs + b.cpuMs }), ZERO_SPAN);
}
