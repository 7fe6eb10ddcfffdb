import { scaffoldModule } from './lazyBundles';
import { warmToneCheck } from './toneWarmUp';

/** Culprit files whose grammars are loaded at most: a big commit's first few languages are enough. */
const MAX_FILES = 8;

/** How long after the panel's last message the warm-up starts: the page draws first. */
const IDLE_MS = 200;

/**
 * A window's first Scaffold Regression Test paid ~0.3 s for requiring the prevention core
 * (`dist/scaffold.js`, one ~50 ms block) and loading the tree-sitter runtime and the culprit's
 * grammar (wasm, compiled off the event loop). The incident panel calls this once its facts are
 * sent; it waits for the tone check's warm-up and a short idle, then loads both. Once per host for
 * the bundle, once per grammar (later calls for known grammars return at once). Resolves with the
 * files whose grammar is ready; a failure only leaves the scaffold cold.
 */
export async function warmScaffold(files: readonly string[]): Promise<string[]> {
  await warmToneCheck();
  await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
  try {
    const scaffold = scaffoldModule();
    const ready: string[] = [];
    for (const file of files.slice(0, MAX_FILES)) {
      if (await scaffold.prepareSyntax(file, scaffold.languageOf(file))) ready.push(file);
    }
    return ready;
  } catch {
    return [];
  }
}
