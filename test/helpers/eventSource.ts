/** A minimal event source with vscode.Event's shape, for services tested without VS Code. */
export function emitter<T>(): { event: (l: (e: T) => unknown) => { dispose(): void }; fire(e: T): void } {
  const listeners = new Set<(e: T) => unknown>();
  return {
    event: (l) => {
      listeners.add(l);
      return { dispose: () => listeners.delete(l) };
    },
    fire: (e) => listeners.forEach((l) => l(e)),
  };
}
