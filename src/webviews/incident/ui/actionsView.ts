import { ACTION_KINDS, type ActionItem } from '../../../core/incidents/model';
import type { LinkedTestStatus } from '../protocol';
import { button, h } from './dom';
import { section, select, textInput, type Editor } from './editor';

const DERIVED_TITLE: Record<LinkedTestStatus, (path: string) => string> = {
  pending: (p) => `Pending: ${p} still holds the Own It placeholder. Write the test and this ticks itself.`,
  done: (p) => `Done: ${p} no longer holds the placeholder.`,
  missing: (p) => `Pending: ${p} does not exist.`,
};

/** A linked test's status comes from its file, so its box is read-only and the file is not changed. */
function derivedStatus(editor: Editor, a: ActionItem): LinkedTestStatus | undefined {
  return a.kind === 'test' && a.path ? editor.view.linkedTests?.[a.path] : undefined;
}

function actionRow(editor: Editor, a: ActionItem, index: number): HTMLElement {
  const id = (name: string) => `f-action-${index}-${name}`;
  const derived = derivedStatus(editor, a);
  const isDone = derived ? derived === 'done' : a.done;
  const done = h('input', { id: id('done'), attrs: { type: 'checkbox', 'aria-label': 'Done' } });
  done.checked = isDone;
  if (derived && a.path) {
    done.disabled = true;
    done.title = DERIVED_TITLE[derived](a.path);
  }
  done.addEventListener('change', () => {
    a.done = done.checked;
    editor.changed(true);
  });
  const text = textInput(id('text'), a.text, (v) => {
    a.text = v;
    editor.changed();
  }, { placeholder: 'What will stop this happening again?', 'aria-label': 'Action' });
  const owner = textInput(id('owner'), a.owner ?? '', (v) => {
    if (v.trim()) a.owner = v;
    else delete a.owner;
    editor.changed();
  }, { placeholder: 'Owner', 'aria-label': 'Owner' });
  const due = h('input', { id: id('due'), attrs: { type: 'date', 'aria-label': 'Due date' } });
  due.value = a.due ?? '';
  due.addEventListener('change', () => {
    if (due.value) a.due = due.value;
    else delete a.due;
    editor.changed();
  });
  const kind = select(id('kind'), ACTION_KINDS, a.kind, (v) => {
    a.kind = v;
    editor.changed();
  });
  kind.setAttribute('aria-label', 'Kind');
  const linkPath = a.path;
  const link = linkPath
    ? h(
        'button',
        { className: 'file-link linked-file', attrs: { type: 'button', title: `Open ${linkPath}` }, on: { click: () => editor.send({ type: 'openFile', path: linkPath }) } },
        h('span', { className: 'codicon codicon-file-code', attrs: { 'aria-hidden': 'true' } }),
        h('span', { className: 'path' }, linkPath),
      )
    : null;
  const remove = button('Remove this action item', () => {
    editor.incident.actions.splice(index, 1);
    editor.changed(true);
  }, { icon: 'trash', iconOnly: true });
  return h(
    'li',
    { className: `action-row${isDone ? ' done' : ''}${derived ? ` derived-${derived}` : ''}` },
    done,
    h('div', { className: 'action-main' }, text, h('div', { className: 'action-meta' }, owner, due, kind, link)),
    remove,
  );
}

export function renderActions(editor: Editor): HTMLElement {
  const actions = editor.incident.actions;
  const open = actions.filter((a) => {
    const derived = derivedStatus(editor, a);
    return derived ? derived !== 'done' : !a.done;
  }).length;
  return section(
    'actions',
    'Action items',
    'checklist',
    actions.length > 0
      ? h('p', { className: 'muted summary' }, `${open} open, ${actions.length - open} done`)
      : h('p', { className: 'muted' }, 'Nothing yet. A regression test or a checklist item is the best way to make sure this cannot happen twice.'),
    h('ul', { className: 'actions' }, ...actions.map((a, i) => actionRow(editor, a, i))),
    button('Add action item', () => {
      actions.push({ text: '', done: false, kind: 'fix' });
      editor.changed(true);
      requestAnimationFrame(() => document.getElementById(`f-action-${actions.length - 1}-text`)?.focus());
    }, { icon: 'add' }),
    h(
      'div',
      { className: 'button-row prevent-actions' },
      button('Scaffold regression test', () => editor.send({ type: 'prevent', action: 'scaffoldRegressionTest' }), {
        icon: 'beaker',
        id: 'prevent-scaffold',
        title: 'Create a failing test for what the culprit changed and link it here',
      }),
      button('Add checklist item', () => editor.send({ type: 'prevent', action: 'addChecklistItem' }), {
        icon: 'checklist',
        id: 'prevent-checklist',
        title: 'Add checks to the pull request template (or a checklist file) and link them here',
      }),
      button('Create GitHub issues', () => editor.send({ type: 'prevent', action: 'syncActionItemIssues' }), {
        icon: 'github',
        id: 'sync-issues',
        title: 'Open one GitHub issue per open action item (asks first) and keep done in step with the issues',
      }),
    ),
  );
}
