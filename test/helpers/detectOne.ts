import { scanReverts } from '../../src/core/revert/revertScanner';
import type { RevertDetection } from '../../src/core/revert/types';

/**
 * Classifies one commit through the public scan (`rev^!` lists that commit alone; its links are
 * still looked up in the whole history): undefined when the commit is not revert-like.
 */
export async function detectOne(repoPath: string, rev: string, options: { gitBinary?: string } = {}): Promise<RevertDetection | undefined> {
  return (await scanReverts(repoPath, { ...options, revRange: `${rev}^!` }))[0];
}
