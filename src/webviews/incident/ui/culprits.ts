import type { CommitDetails, FileChange } from '../protocol';
import { formatDate, h, icon } from './dom';
import { section, type Editor } from './editor';

function fileButton(editor: Editor, commit: CommitDetails, file: FileChange): HTMLElement {
  const label = file.oldPath ? `${file.oldPath} → ${file.path}` : file.path;
  const counts = file.binary
    ? h('span', { className: 'counts' }, 'binary')
    : h('span', { className: 'counts' }, h('span', { className: 'added' }, `+${file.added}`), ' ', h('span', { className: 'deleted' }, `−${file.deleted}`));
  return h(
    'li',
    {},
    h(
      'button',
      {
        className: 'file-link',
        attrs: { type: 'button', title: `Show the change to ${label} in ${commit.shortSha}` },
        on: { click: () => editor.send({ type: 'openDiff', sha: commit.sha, path: file.path, oldPath: file.oldPath }) },
      },
      icon('diff'),
      h('span', { className: 'path' }, label),
      counts,
    ),
  );
}

export function commitCard(editor: Editor, commit: CommitDetails, role: 'culprit' | 'revert'): HTMLElement {
  const total = commit.files.reduce((n, f) => ({ added: n.added + f.added, deleted: n.deleted + f.deleted }), { added: 0, deleted: 0 });
  return h(
    'article',
    { className: `commit-card ${role}`, attrs: { 'aria-label': `${role === 'revert' ? 'Revert' : 'Culprit'} commit ${commit.shortSha}` } },
    h(
      'div',
      { className: 'commit-head' },
      icon(role === 'revert' ? 'discard' : 'git-commit'),
      h('span', { className: 'subject' }, commit.subject),
      h('code', { className: 'sha', attrs: { title: commit.sha } }, commit.shortSha),
    ),
    h(
      'div',
      { className: 'commit-meta' },
      h('span', { attrs: { title: commit.authorEmail } }, commit.authorName),
      ' · ',
      h('time', { attrs: { datetime: commit.authoredAt } }, formatDate(commit.authoredAt)),
      commit.committedAt !== commit.authoredAt ? h('span', { className: 'muted' }, ` (committed ${formatDate(commit.committedAt)})`) : null,
      ' · ',
      h('span', {}, `${commit.files.length} ${commit.files.length === 1 ? 'file' : 'files'}, `),
      h('span', { className: 'added' }, `+${total.added}`),
      ' ',
      h('span', { className: 'deleted' }, `−${total.deleted}`),
    ),
    commit.files.length > 0
      ? h('ul', { className: 'file-list', attrs: { 'aria-label': 'Changed files' } }, ...commit.files.map((f) => fileButton(editor, commit, f)))
      : h('p', { className: 'muted' }, 'No file changes.'),
  );
}

/** Read-only: what the culprit commit(s) changed, with diffs one click away. */
export function renderWhatBroke(editor: Editor): HTMLElement {
  const v = editor.view;
  const body: HTMLElement[] = v.culprits.map((c) => commitCard(editor, c, 'culprit'));
  for (const m of v.missingCulprits) {
    body.push(h('p', { className: 'notice' }, icon('warning'), ` ${m.sha.slice(0, 7)} is not in this clone (${m.reason}). Fetch it to see its changes.`));
  }
  if (v.culprits.length === 0 && v.missingCulprits.length === 0) {
    body.push(h('p', { className: 'muted' }, 'No culprit commit is linked to this incident. Open the incident from a commit or a revert to link one.'));
  }
  if (v.revert) {
    body.push(h('h3', {}, 'Reverted by'), commitCard(editor, v.revert, 'revert'));
  }
  if (v.facts.length > 0) {
    // The same lines `own-it incident new` prints; hovering a label shows the git query behind it.
    const rows = v.facts.flatMap((f) => [h('dt', { attrs: { title: f.source } }, f.label), h('dd', {}, f.value)]);
    body.push(h('h3', {}, 'Facts from git'), h('dl', { className: 'facts-list', attrs: { 'aria-label': 'Facts from git' } }, ...rows));
  }
  return section('what-broke', 'What broke', 'bug', ...body);
}
