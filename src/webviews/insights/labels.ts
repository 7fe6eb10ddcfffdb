/** Label shortening shared by the view model and the chart UI (no Node, no DOM). */

/** `packages/server/src/handlers/paymentRetries.spec.ts` → `packages/…paymentRetries.spec.ts`: the start and the file name stay readable. */
export function middleEllipsis(text: string, max = 40): string {
  if (text.length <= max) return text;
  // Keep the file name whole when it fits, with a few leading characters for context.
  const base = text.length - text.lastIndexOf('/') - 1;
  const tail = Math.min(max - 4, Math.max(Math.ceil((max - 1) * 0.6), base));
  return `${text.slice(0, max - 1 - tail)}…${text.slice(text.length - tail)}`;
}
