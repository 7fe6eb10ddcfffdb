import { randomBytes } from 'node:crypto';

/** A fresh nonce per page load; 16 random bytes is what GitLens and the VS Code samples use. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}
