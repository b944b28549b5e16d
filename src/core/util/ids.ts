/**
 * Random ids and nonces from the Web Crypto API, which both extension hosts have: Node's
 * (globalThis.crypto since Node 19) and the browser's web worker, where `node:crypto` is missing.
 */
export function newId(): string {
  return globalThis.crypto.randomUUID();
}

/** `bytes` random bytes from the platform's CSPRNG, base64-encoded (never Math.random). */
export function randomBase64(bytes: number): string {
  const buffer = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  let binary = '';
  for (const b of buffer) binary += String.fromCharCode(b);
  return btoa(binary);
}
