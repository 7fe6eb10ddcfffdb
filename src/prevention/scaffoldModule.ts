import type * as Scaffold from '../core/scaffold';

let loaded: typeof Scaffold | undefined;

/**
 * The prevention core (regression test and checklist scaffolds, symbol extraction: ~40 kB
 * minified) is its own bundle, `dist/scaffold.js`, required the first time a scaffold or a
 * culprit's symbols are needed: it stays off the activation path and out of `extension.js`.
 * Every runtime value of the core (its error classes included, for `instanceof`) comes from here.
 */
export function scaffoldModule(): typeof Scaffold {
  // A plain require of the sibling bundle: esbuild leaves './scaffold.js' external (esbuild.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require('./scaffold.js') as typeof Scaffold;
  return loaded;
}
