#!/usr/bin/env node
// `npm run test:package`: checks the .vsix that `npm run package` built — only the bundle, media
// and the manifest/docs inside — then installs it into a fresh code-server extensions folder and
// runs the integration suite's activation tests against the installed copy (no development path).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeServerEntry, node24Bin, node24Env, repoRoot } from './hostPaths.mjs';
import { isolatedEnv } from './runFolder.mjs';
import { setupHost } from './setup.mjs';
import { printVerdict, runSuiteInCodeServer } from './suiteRun.mjs';
import { zipEntries, zipEntryText } from './zipListing.mjs';

const VSIX = path.resolve(repoRoot, process.argv[2] ?? 'own-it.vsix');

/** What a published Own It may contain (vsce adds the manifest files at the top level). */
const ALLOWED = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/package\.json$/,
  /^extension\/readme\.md$/i,
  /^extension\/changelog\.md$/i,
  /^extension\/license(\.txt|\.md)?$/i,
  /^extension\/dist\/[^/].*$/,
  /^extension\/media\/[^/].*$/,
];
const REQUIRED = ['extension/package.json', 'extension/readme.md', 'extension/dist/extension.js', 'extension/dist/scaffold.js', 'extension/dist/tone.js', 'extension/dist/metrics.js', 'extension/dist/githost.js', 'extension/dist/deepScan.js', 'extension/dist/deploys.js', 'extension/dist/insights.js', 'extension/media/own-it.svg', 'extension/dist/webviews/incident.js', 'extension/dist/webviews/incident.css', 'extension/dist/webviews/insights.js', 'extension/dist/webviews/insights.css', 'extension/dist/webviews/codicons/codicon.ttf', 'extension/dist/tree-sitter/tree-sitter.wasm', 'extension/dist/tree-sitter/tree-sitter-typescript.wasm', 'extension/dist/tree-sitter/tree-sitter-javascript.wasm', 'extension/dist/tree-sitter/tree-sitter-python.wasm'];

function checkListing() {
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  const entries = zipEntries(VSIX).filter((e) => !e.endsWith('/'));
  const problems = [];
  for (const required of REQUIRED) if (!entries.includes(required)) problems.push(`missing ${required}`);
  for (const entry of entries) {
    if (!ALLOWED.some((re) => re.test(entry))) problems.push(`unexpected ${entry}`);
    if (/(^|\/)(src|node_modules|out|test)\//.test(entry.replace(/^extension\//, ''))) problems.push(`source or dependency file ${entry}`);
    if (entry.endsWith('.map')) problems.push(`source map ${entry}`);
  }
  problems.push(...checkManifestAndReadme(entries));
  const size = fs.statSync(VSIX).size;
  console.log(`package: ${path.basename(VSIX)} has ${entries.length} files, ${(size / 1024).toFixed(0)} KiB`);
  if (problems.length > 0) throw new Error(`the .vsix content is wrong:\n  ${problems.join('\n  ')}`);
}

/**
 * What a person sees of the package before using it: the icon, the walkthrough's images, and a
 * README (the extension's details page) with no image it cannot show and no link to a made-up site.
 */
function checkManifestAndReadme(entries) {
  const problems = [];
  const manifestText = zipEntryText(VSIX, 'extension/package.json') ?? '{}';
  const readme = zipEntryText(VSIX, 'extension/readme.md') ?? '';
  const manifest = JSON.parse(manifestText);
  const carried = (file) => entries.includes(`extension/${file.replace(/^\.\//, '')}`);
  if (!manifest.icon || !/\.png$/.test(manifest.icon) || !carried(manifest.icon)) problems.push(`icon: ${manifest.icon ?? 'none'} (a PNG in the package is needed)`);
  const walkthroughs = manifest.contributes?.walkthroughs ?? [];
  if (walkthroughs.length === 0) problems.push('no walkthrough');
  for (const step of walkthroughs.flatMap((w) => w.steps)) {
    const image = step.media?.image;
    if (typeof image !== 'string' || !carried(image)) problems.push(`walkthrough step ${step.id}: image ${image ?? 'none'} is not in the package`);
    if (!/\]\(command:/.test(step.description ?? '')) problems.push(`walkthrough step ${step.id}: no command link`);
  }
  for (const [name, text] of [['package.json', manifestText], ['readme.md', readme]]) {
    if (/example\.invalid/.test(text)) problems.push(`${name} links to example.invalid`);
  }
  for (const m of readme.matchAll(/!\[[^\]]*\]\(([^)]*)\)|<img\b[^>]*src="([^"]*)"/g)) {
    const src = m[1] ?? m[2];
    // The details page loads https: and data: images only; a relative path shows as a broken image.
    if (!/^https:\/\//.test(src)) problems.push(`readme.md: image ${src} cannot show on the extension's details page`);
  }
  return problems;
}

/**
 * The installed scaffold bundle finds its grammars beside itself: `res.status = function status` is a
 * symbol only the JavaScript grammar reads (the line patterns do not), so this fails if the wasm
 * files are missing from the package or resolved from anywhere but the bundle's folder.
 */
function checkInstalledGrammars(extensionDir) {
  const probe = `require(process.argv[1]).declaredSymbols('var res = {};\\nres.status = function status(code) {\\n  return code;\\n};\\n', 'lib/response.js', 'javascript')
    .then((s) => { process.stdout.write(JSON.stringify(s.map((x) => (x.container ? x.container + '.' : '') + x.name))); });`;
  const r = spawnSync(process.execPath, ['-e', probe, path.join(extensionDir, 'dist', 'scaffold.js')], { cwd: extensionDir, encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout.includes('"res.status"')) throw new Error(`the packaged scaffold bundle did not read symbols with its grammars: ${r.stdout}${r.stderr}`);
  console.log('package: the scaffold bundle reads symbols with the grammars in dist/tree-sitter');
}

async function main() {
  checkListing();
  setupHost();
  const verdict = await runSuiteInCodeServer({
    label: 'package',
    grep: 'activation',
    timeoutMs: 90_000,
    beforeStart: (dirs) => {
      const install = spawnSync(
        path.join(node24Bin, 'node'),
        [codeServerEntry, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions, '--install-extension', VSIX],
        { env: node24Env(isolatedEnv(dirs)), encoding: 'utf8' },
      );
      if (install.status !== 0) throw new Error(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);
      const installed = fs.readdirSync(dirs.extensions).filter((d) => d.startsWith('own-it.own-it'));
      if (installed.length !== 1) throw new Error(`expected one own-it.own-it-* folder in ${dirs.extensions}, found: ${installed.join(', ') || 'none'}`);
      console.log(`package: installed as ${installed[0]}`);
      checkInstalledGrammars(path.join(dirs.extensions, installed[0]));
      // The workbench only runs extensionTestsPath in an extension-development window, so an empty
      // probe extension is the development extension and Own It is the installed, packaged copy.
      const probe = path.join(dirs.root, 'probe-extension');
      fs.mkdirSync(probe, { recursive: true });
      fs.writeFileSync(
        path.join(probe, 'package.json'),
        JSON.stringify({ name: 'own-it-package-probe', publisher: 'own-it-tests', version: '0.0.0', engines: { vscode: '*' } }, null, 2),
      );
      return { env: { OWN_IT_TEST_INSTALLED_FROM: dirs.extensions }, extensionDevelopmentPath: probe };
    },
  });
  printVerdict('packaged extension (code-server)', verdict);
  return verdict.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`package check: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
