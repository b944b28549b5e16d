import type { FileProblem } from './problems';

export type ReadOutcome<T> = { ok: true; value: T } | { ok: false; problems: FileProblem[] };

/**
 * The first steps of reading any of our JSON files: the size (before anything is decoded),
 * UTF-8, JSON, a JSON object. `bytes` may be text already (tests, the webview). A byte-order
 * mark, which some Windows tools write, is tolerated.
 */
export function parseJsonObject(file: string, bytes: Uint8Array | string, maxBytes: number, what: string): ReadOutcome<Record<string, unknown>> {
  const refuse = (message: string, path = '$'): ReadOutcome<never> => ({ ok: false, problems: [{ file, path, message }] });
  const size = typeof bytes === 'string' ? new TextEncoder().encode(bytes).length : bytes.length;
  if (size > maxBytes) return refuse(tooLargeMessage(size, maxBytes, what));
  let text: string;
  try {
    text = typeof bytes === 'string' ? bytes : new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('not UTF-8 text');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return refuse(`not JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refuse(`expected a JSON object (a ${what})`);
  return { ok: true, value: value as Record<string, unknown> };
}

/** Said of a file larger than its kind may be; hosts say it before loading such a file at all. */
export function tooLargeMessage(size: number, maxBytes: number, what: string): string {
  return `too large (${formatBytes(size)}): a ${what} may have at most ${formatBytes(maxBytes)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
