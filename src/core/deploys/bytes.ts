/**
 * Whether `key` is at `bytes[at]`. A plain loop: the keys are a few bytes (a header name, a ref
 * prefix), and `Buffer.compare` with offsets costs more in argument checks than the comparison
 * (50,000 tags meant ~300,000 calls and ~50 ms).
 */
export function bytesAt(bytes: Uint8Array, at: number, key: Uint8Array): boolean {
  if (at < 0 || at + key.length > bytes.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[at + i] !== key[i]) return false;
  return true;
}
