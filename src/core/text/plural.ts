/** "1 revert", "2 reverts": a count with the word that fits it. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
