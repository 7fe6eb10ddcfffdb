import * as path from 'node:path';
import type * as Deploys from '../core/deploys';
import type * as Githost from '../core/githost';
import type * as DeepScan from '../core/revert/deepScanCache';
import type * as Scaffold from '../core/scaffold';
import type * as Metrics from '../core/metrics';
import type * as Tone from '../core/teamUpdate/toneCheck';

/**
 * Running from a bundle in dist/ (extension.js, or a lazy bundle that includes this loader, such as
 * insights.js), not from the compiled sources in out/ (tests), where this file keeps its own name.
 */
const bundled = path.basename(__filename) !== 'lazyBundles.js';

/**
 * Parts of the core that only some commands and panels use are bundles of their own next to
 * `dist/extension.js` (esbuild.js), required the first time they are needed, so they stay off the
 * activation path and out of the 400 kB main bundle.
 * Every runtime value of such a part (error classes included, for `instanceof`) comes from here.
 * `source` (the compiled module, for tests run from out/) is relative to this folder.
 */
export function lazy<T>(bundleFile: string, source: string): () => T {
  let loaded: T | undefined;
  // An absolute path computed at run time: esbuild leaves this require alone (a template or a
  // concatenation would be bundled as a glob of this folder), so the part stays in its own bundle.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return () => (loaded ??= require(path.join(__dirname, bundled ? bundleFile : source)) as T);
}

/**
 * The prevention core (regression test and checklist scaffolds, symbol extraction, tree-sitter's
 * loader): Scaffold Regression Test, Add Checklist Item, the culprit's symbols, spec edits.
 */
export const scaffoldModule = lazy<typeof Scaffold>('scaffold.js', '../core/scaffold');

/** The tone check (rules and patterns): the incident panel and Copy Team Update. */
export const toneModule = lazy<typeof Tone>('tone.js', '../core/teamUpdate/toneCheck');
/** Insights' numbers and their Markdown/CSV export. */
export const metricsModule = lazy<typeof Metrics>('metrics.js', '../core/metrics');
/** GitHub: CI status (only when turned on) and issue sync (only when asked). */
export const githostModule = lazy<typeof Githost>('githost.js', '../core/githost');
/** The diff-based scan for silent and partial reverts: the Deep Scan command only. */
export const deepScanModule = lazy<typeof DeepScan>('deepScan.js', '../core/revert/deepScanCache');
/** Failed deploys from deploy tags and reflogs: the Failed Deploys view and its commands. */
export const deploysModule = lazy<typeof Deploys>('deploys.js', '../core/deploys');
