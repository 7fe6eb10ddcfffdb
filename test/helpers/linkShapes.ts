import type { TempRepo } from './tempRepo';

/**
 * The shape behind "a named sha that is not an ancestor": "Drop the legacy styles" is committed on
 * a branch (`before`), cherry-picked onto main (`copy`), and the branch deleted, so a revert that
 * names `before` names a commit outside main's history while its quoted subject finds `copy`.
 */
export function cherryPickedCopy(repo: TempRepo, lines: (n: number, tag: string) => string): { before: string; copy: string } {
  repo.commit('Base', { 'base.ts': lines(3, 'base') });
  repo.git('checkout', '-q', '-b', 'old');
  const before = repo.commit('Drop the legacy styles', { 'legacy.css': '', 'keep.ts': lines(2, 'keep') });
  repo.git('checkout', '-q', 'main');
  repo.commit('Unrelated', { 'other.ts': lines(2, 'other') });
  repo.git('cherry-pick', before);
  return { before, copy: repo.head() };
}
