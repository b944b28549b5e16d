/**
 * A fast, synchronous 128-bit hash of text, for two jobs that need no secrecy: noticing that a
 * value changed (the sync ledger) and deriving stable ids for other machines' summary records.
 * Pure JavaScript on purpose: the web extension host has no `node:crypto`, and Web Crypto's
 * digest is asynchronous, which would make every ledger comparison a promise.
 */

/** cyrb53's mixing, kept at two full 32-bit halves: 64 bits per seed. */
function mix64(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** 32 hex digits: two differently seeded 64-bit hashes side by side. */
export function hash128(text: string): string {
  return [...mix64(text, 1), ...mix64(text, 2)].map((n) => n.toString(16).padStart(8, '0')).join('');
}

/** The hash of a value's JSON. Values come out of zod, so their keys are always in schema order. */
export function hashValue(value: unknown): string {
  return hash128(JSON.stringify(value) ?? 'undefined');
}

/**
 * A UUID-shaped id that is always the same for the same text. Marked version 8 ("custom", RFC
 * 9562), so it can never be mistaken for a random version-4 id from a log.
 */
export function stableUuid(text: string): string {
  const hex = hash128(text).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
