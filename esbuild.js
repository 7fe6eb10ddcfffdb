// Bundles the extension host code, the CLI and each webview UI.
// Pattern: the canonical esbuild context from vscode-extension-samples.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: text` shape VS Code's problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'silent',
  plugins: [problemMatcher],
};

/** Every folder `src/webviews/<panel>/ui/main.ts` becomes `dist/webviews/<panel>.js`. */
function webviewEntries() {
  const root = path.join(__dirname, 'src', 'webviews');
  if (!fs.existsSync(root)) return {};
  const entries = {};
  for (const name of fs.readdirSync(root)) {
    const main = path.join(root, name, 'ui', 'main.ts');
    if (fs.existsSync(main)) entries[`webviews/${name}`] = main;
  }
  return entries;
}

/**
 * Every `media/webviews/<panel>.css` with a UI becomes `dist/webviews/<panel>.css`: one stylesheet per
 * page, its @imports (codicons, base.css) bundled in, so a page fetches one stylesheet and one script.
 */
function webviewStyles() {
  const entries = {};
  for (const key of Object.keys(webviewEntries())) {
    const css = path.join(__dirname, 'media', `${key}.css`);
    if (fs.existsSync(css)) entries[key] = css;
  }
  return entries;
}

/**
 * The scaffold core parses changed files with the tree-sitter grammars VS Code ships; the runtime and
 * the grammars of the languages it supports are read from dist/tree-sitter/ on first use
 * (src/core/scaffold/treeSitter.ts), never bundled into JavaScript.
 */
const GRAMMARS = ['typescript', 'tsx', 'javascript', 'python', 'go', 'rust', 'java', 'c-sharp', 'ruby', 'php'];
function copyGrammars() {
  const from = path.join(__dirname, 'node_modules', '@vscode', 'tree-sitter-wasm', 'wasm');
  const to = path.join(__dirname, 'dist', 'tree-sitter');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['tree-sitter.wasm', ...GRAMMARS.map((g) => `tree-sitter-${g}.wasm`)]) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  copyGrammars();
  const contexts = [
    await esbuild.context({
      ...common,
      // The prevention core, the tone check, metrics, GitHub, the deep scan, failed deploys and the Insights panel are bundles of their own, required
      // on first use (src/services/lazyBundles.ts).
      entryPoints: {
        extension: 'src/extension.ts',
        scaffold: 'src/core/scaffold/index.ts',
        tone: 'src/core/teamUpdate/toneCheck.ts',
        metrics: 'src/core/metrics/index.ts',
        githost: 'src/core/githost/index.ts',
        deepScan: 'src/core/revert/deepScanCache.ts',
        deploys: 'src/core/deploys/index.ts',
        insights: 'src/webviews/insights/insightsPanel.ts',
      },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outdir: 'dist',
      // supports-color is debug's optional colour probe (simple-git's logger), required inside a
      // try/catch: the extension host's stderr is no terminal, so left out it costs nothing (2 kB).
      external: ['vscode', 'supports-color'],
      // yaml's `node` export is CommonJS, which esbuild cannot tree-shake; its ESM build (the
      // same code) drops ~17 kB of what we never call (BENCHMARKS.md, bundle).
      alias: { yaml: './node_modules/yaml/browser/index.js' },
    }),
    await esbuild.context({
      ...common,
      entryPoints: { cli: 'src/cli.ts' },
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      outdir: 'dist',
      banner: { js: '#!/usr/bin/env node' },
    }),
  ];
  const webviews = webviewEntries();
  if (Object.keys(webviews).length > 0) {
    contexts.push(
      await esbuild.context({
        ...common,
        entryPoints: webviews,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        outdir: 'dist',
      }),
      await esbuild.context({
        ...common,
        entryPoints: webviewStyles(),
        outdir: 'dist',
        // The codicon font is written beside the stylesheets (inside the webviews' resource roots).
        loader: { '.ttf': 'file' },
        assetNames: 'webviews/codicons/[name]',
      }),
    );
  }
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
  fs.chmodSync(path.join(__dirname, 'dist', 'cli.js'), 0o755);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
