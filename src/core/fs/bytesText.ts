/**
 * Text that remembers its bytes. Incident files are edited as strings, but a save must write
 * back every byte nobody edited exactly as it was, invalid UTF-8 included. Decoding maps each
 * byte that is not part of a valid UTF-8 sequence to a lone surrogate U+DC80–U+DCFF (Python's
 * "surrogateescape"); encoding turns those back into the same bytes. Valid files take the fast path.
 */

const ESCAPE_BASE = 0xdc00;

/** Decodes `bytes` as UTF-8, keeping invalid bytes as U+DC80–U+DCFF so encodeText restores them. */
export function decodeBytes(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // U+FFFD in the output is either a real U+FFFD or a replaced invalid byte; only then look closer.
  if (!text.includes('\uFFFD') || Buffer.from(text, 'utf8').equals(bytes)) return text;
  return decodeSlow(bytes);
}

/** Encodes text from decodeBytes back to the original bytes (U+DC80–U+DCFF become single bytes). */
export function encodeText(text: string): Buffer {
  if (!/[\uDC80-\uDCFF]/.test(text)) return Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a real surrogate pair, encoded normally
        continue;
      }
    }
    if (c >= 0xdc80 && c <= 0xdcff) {
      parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([c - ESCAPE_BASE]));
      start = i + 1;
    }
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when the byte there is invalid. */
function sequenceLength(b: Uint8Array, i: number): number {
  const x = b[i];
  if (x < 0x80) return 1;
  const cont = (k: number): boolean => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (x >= 0xc2 && x <= 0xdf) return cont(1) ? 2 : 0;
  if (x >= 0xe0 && x <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const y = b[i + 1];
    if (x === 0xe0 && y < 0xa0) return 0; // overlong
    if (x === 0xed && y >= 0xa0) return 0; // encoded surrogate
    return 3;
  }
  if (x >= 0xf0 && x <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const y = b[i + 1];
    if (x === 0xf0 && y < 0x90) return 0;
    if (x === 0xf4 && y >= 0x90) return 0;
    return 4;
  }
  return 0;
}

function decodeSlow(bytes: Uint8Array): string {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  const flush = (end: number): void => {
    if (end > start) out.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
  };
  while (i < bytes.length) {
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    out.push(String.fromCharCode(ESCAPE_BASE + bytes[i]));
    i++;
    start = i;
  }
  flush(i);
  return out.join('');
}
