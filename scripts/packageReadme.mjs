#!/usr/bin/env node
// Writes .package/README.md, the README that `npm run package` puts into the .vsix. VS Code shows an
// installed extension's README in a page that loads only https: and data: images, so the repository
// README's relative screenshots (media/*.png) would show as broken images there, and there is no
// public site to point them at. The packaged copy drops the image lines and says where the
// screenshots are; everything else is the same text. Fails on a link to a site that does not exist.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;

let dropped = 0;
const lines = [];
for (const line of source.split('\n')) {
  const images = line.match(IMAGE) ?? [];
  const rest = line.replace(IMAGE, '').trim();
  if (images.length > 0 && rest === '') {
    dropped += images.length;
    continue;
  }
  if (images.length > 0) throw new Error(`README.md: an image inside text cannot be dropped cleanly: ${line}`);
  lines.push(line);
}
// The first image block follows the introduction; one sentence replaces it.
const text = lines
  .join('\n')
  .replace(/\n{3,}/g, '\n\n')
  .replace('\n## Run it', '\nScreenshots of the incident panel, the Own It view and Insights are in the repository\'s `media/` folder;\nthe walkthrough **Get started with Own It** (Welcome page) shows each part in VS Code.\n\n## Run it');
const bad = /example\.invalid|\]\((?!https:\/\/|http:\/\/|#|command:)[^)]*\)/.exec(text);
if (bad) throw new Error(`README.md would package a link that cannot work in VS Code: ${bad[0]}`);
const out = path.join(root, '.package', 'README.md');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, text);
console.log(`package README: ${path.relative(root, out)} (${dropped} screenshots left out: the extension page cannot show relative images)`);
