import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActionItem } from '../core/incidents';
import type { CauseCategory, ChangedFile, RestorePlan, TestStyle } from '../core/scaffold';
import { scaffoldModule } from '../services/lazyBundles';
import type { Container } from '../container';
import { getGitApi } from '../git/gitExtension';
import { changesWithEditorSymbols } from '../prevention/editorSymbols';
import { IncidentPanel } from '../webviews/incident/incidentPanel';
import { asIncidentRef, type IncidentRef } from './args';
import { pickIncident } from './pickers';
import { applySpecEdit } from './specEdits';
import { benchMark } from '../services/benchTiming';

const CATEGORY_LABELS: Record<CauseCategory, string> = {
  config: 'Configuration',
  deploy: 'Deploy or release',
  migration: 'Data migration',
  dependency: 'Dependency upgrade',
  capacity: 'Capacity or performance',
  process: 'Process or review',
};

async function resolveIncident(container: Container, arg: unknown, placeHolder: string): Promise<IncidentRef | undefined> {
  const ref = asIncidentRef(arg);
  if (ref) return ref;
  const current = IncidentPanel.current;
  if (current) return { repoRoot: current.repoRoot, incidentPath: current.incidentPath };
  const picked = await pickIncident(container, (i) => i.incident.status !== 'resolved', placeHolder);
  return picked ? { repoRoot: picked.repoRoot, incidentPath: picked.path } : undefined;
}

/** Records the new file as an action item of the incident (once per path). */
async function linkAction(container: Container, ref: IncidentRef, action: ActionItem): Promise<void> {
  const store = container.index.store(ref.repoRoot);
  const stored = await store.load(ref.incidentPath);
  if (stored.incident.actions.some((a) => a.path === action.path && a.kind === action.kind)) return;
  await store.save(stored, { ...stored.incident, actions: [...stored.incident.actions, action] });
  container.index.invalidate();
  // An open panel of this incident takes the new item at once (the watcher may be seconds behind).
  const open = IncidentPanel.all.find((p) => path.resolve(p.incidentPath) === path.resolve(stored.path));
  await open?.reloadNow();
}

/**
 * Where a created or existing file opens. From the incident panel it opens beside the panel and
 * leaves the focus there: the person may still be typing in the panel, and a panel hidden behind
 * the new editor would drop the keystrokes of its last moments (#13).
 */
function showOptions(fromPanel: boolean): vscode.TextDocumentShowOptions {
  return fromPanel ? { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true } : {};
}

/** Whether the command was started by the incident panel's own button. */
function fromPanel(arg: unknown): boolean {
  return typeof arg === 'object' && arg !== null && (arg as Record<string, unknown>).fromPanel === true;
}

async function createAndOpen(repoRoot: string, rel: string, content: string, cursor?: { line: number; column: number }, show: vscode.TextDocumentShowOptions = {}): Promise<void> {
  const uri = vscode.Uri.file(path.join(repoRoot, rel));
  // A WorkspaceEdit makes the creation undoable and refuses to overwrite an existing file.
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: Buffer.from(content, 'utf8') });
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not create ${rel}; nothing was changed.`);
  const editor = await vscode.window.showTextDocument(uri, show);
  if (cursor) {
    const pos = new vscode.Position(cursor.line, cursor.column);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
  }
}

/**
 * What a caller (panel, tree, test) may pass besides the incident: which culprit, what to do when
 * the test file exists, restored tests or a placeholder, and a new file instead of the existing test file.
 */
interface ScaffoldOptions {
  sha?: string;
  onExists?: 'open' | 'sibling';
  choice?: 'restore' | 'placeholder';
  newFile?: boolean;
}

function scaffoldOptions(arg: unknown): ScaffoldOptions {
  if (typeof arg !== 'object' || arg === null) return {};
  const { sha, onExists, choice, newFile } = arg as Record<string, unknown>;
  return {
    ...(typeof sha === 'string' ? { sha } : {}),
    ...(onExists === 'open' || onExists === 'sibling' ? { onExists } : {}),
    ...(choice === 'restore' || choice === 'placeholder' ? { choice } : {}),
    ...(newFile === true ? { newFile } : {}),
  };
}

/** The culprit's changes with symbols from the editor's language support, else from the core alone. */
async function culpritChanges(container: Container, repoRoot: string, sha: string, coreChanges?: Promise<ChangedFile[]>): Promise<ChangedFile[] | undefined> {
  try {
    const api = await getGitApi();
    const { changes, fromEditor } = await changesWithEditorSymbols(repoRoot, sha, { toGitUri: api ? (uri, ref) => api.toGitUri(uri, ref) : undefined, ...(coreChanges ? { coreChanges } : {}) });
    container.log.info(`Symbols for ${sha.slice(0, 7)}: ${fromEditor.length > 0 ? `editor provider for ${fromEditor.join(', ')}` : 'git hunks and patterns only'}`);
    return changes;
  } catch (e) {
    // planTestScaffold reads the changes itself and reports real problems (unknown commit, no repo).
    container.log.warn(`Could not read symbols for ${sha.slice(0, 7)} through the editor`, e);
    return undefined;
  }
}

export async function scaffoldRegressionTest(container: Container, arg?: unknown): Promise<string | undefined> {
  benchMark('scaffold: asked');
  const ref = await resolveIncident(container, arg, 'Scaffold a regression test for which incident?');
  if (!ref) return undefined;
  const options = scaffoldOptions(arg);
  const stored = await container.index.store(ref.repoRoot).load(ref.incidentPath);
  const culprits = stored.incident.culprits;
  if (culprits.length === 0) {
    void vscode.window.showInformationMessage('This incident has no culprit commit yet. Open it for a commit first, then scaffold the test.');
    return undefined;
  }
  const sha =
    (options.sha && culprits.find((c) => c.startsWith(options.sha as string))) ??
    (culprits.length === 1
      ? culprits[0]
      : (await vscode.window.showQuickPick(culprits.map((c) => ({ label: c.slice(0, 7), sha: c })), { placeHolder: 'Which culprit commit should the test cover?' }))?.sha);
  if (!sha) return undefined;
  const testStyle = vscode.workspace.getConfiguration('ownIt.scaffold', vscode.Uri.file(ref.repoRoot)).get<TestStyle>('testStyle', 'failing');
  const show = showOptions(fromPanel(arg));
  // What git answers (did the revert remove the culprit's tests? what did the culprit change?)
  // is read behind a progress notification the person can cancel: on a large history or commit
  // it takes seconds, and nothing is written before it is answered. The restore check and the
  // core's reading of the culprit are git work and run at once; the editor's symbol provider is
  // asked only after both, alone: it has a 2 s budget, which concurrent git and grammar work
  // made it miss under load (the integration test saw pattern symbols instead of the editor's).
  const planned = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Own It: reading what ${sha.slice(0, 7)} changed…`, cancellable: true },
    async (_progress, token) => {
      const restoring = scaffoldModule()
        .planRestoreTests(ref.repoRoot, sha, { incidentPath: stored.relativePath, testStyle })
        .catch((e: unknown) => void container.log.warn(`Could not look for tests ${sha.slice(0, 7)} wrote`, e));
      const coreChanges = options.choice === 'restore' ? undefined : scaffoldModule().changedSymbols(ref.repoRoot, sha);
      // Read or not, its failure is reported by planTestScaffold; it must not go unhandled meanwhile.
      coreChanges?.catch(() => undefined);
      const restorePlan = await restoring;
      benchMark('scaffold: restore check read');
      if (token.isCancellationRequested) return undefined;
      // Restored tests need no symbols: the editor is asked only for a placeholder.
      const culpritChanged = restorePlan && restorePlan.files.length > 0 && options.choice !== 'placeholder' ? undefined : await culpritChanges(container, ref.repoRoot, sha, coreChanges);
      benchMark('scaffold: culprit changes read');
      return token.isCancellationRequested ? undefined : { restorePlan, culpritChanged };
    },
  );
  if (!planned) return undefined;
  const restore = planned.restorePlan;
  if (restore && restore.files.length > 0 && options.choice !== 'placeholder') {
    const picked =
      options.choice ??
      (
        await vscode.window.showQuickPick(
          [
            { label: `Restore the tests ${sha.slice(0, 7)} wrote`, description: 'recommended', detail: `Revert ${restore.revert.slice(0, 7)} removed them: ${restore.files.map((f) => f.path).join(', ')}`, choice: 'restore' as const },
            { label: 'Write a placeholder test', detail: 'A failing test to fill in, in the test file for the changed code', choice: 'placeholder' as const },
          ],
          { placeHolder: 'The revert removed tests the culprit added: put them back as the regression test?' },
        )
      )?.choice;
    if (!picked) return undefined;
    if (picked === 'restore') return restoreIntoWorkspace(container, ref, restore, show);
  }
  const changes = planned.culpritChanged ?? (await culpritChanges(container, ref.repoRoot, sha));
  let plan;
  try {
    plan = await scaffoldModule().planTestScaffold(ref.repoRoot, sha, { incidentPath: stored.relativePath, testStyle, ...(changes ? { changes } : {}), ...(options.newFile ? { newFile: true } : {}) });
  } catch (e) {
    if (e instanceof scaffoldModule().NothingToTestError) {
      const why = e instanceof scaffoldModule().NothingSurvivesError
        ? `Nothing the culprit ${sha.slice(0, 7)} changed exists in today's code any more, so a test could not import it.`
        : `${e.message.replace(/^commit/, 'The culprit')}.`;
      const choice = await vscode.window.showInformationMessage(`${why} A checklist item may fit this cause better.`, 'Add Checklist Item');
      if (choice) await addChecklistItem(container, ref);
      return undefined;
    }
    throw e;
  }
  benchMark('scaffold: planned');
  const subject = plan.target.symbol?.name ?? path.posix.basename(plan.target.file);
  if (plan.existing) {
    // A rerun opens the test written before; the action item is recorded once.
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(ref.repoRoot, plan.existing)), showOptions(fromPanel(arg)));
    await linkAction(container, ref, { text: `Regression test for ${subject}`, kind: 'test', done: false, path: plan.existing });
    return plan.existing;
  }
  if (plan.append) {
    if (!(await applySpecEdit(ref.repoRoot, plan.append, show))) return undefined;
    await linkAction(container, ref, { text: `Regression test for ${subject}`, kind: 'test', done: false, path: plan.append.path });
    void vscode.window.showInformationMessage(`Added a regression case to ${plan.append.path} (${plan.append.into}). It fails until you write the test; Undo removes it.`);
    return plan.append.path;
  }
  let target = { path: plan.path, content: plan.content, cursor: plan.cursor };
  if (plan.exists) {
    const open = 'Open Existing';
    const sibling = plan.alternative ? `Create ${path.posix.basename(plan.alternative.path)}` : undefined;
    const choice =
      options.onExists === 'open'
        ? open
        : options.onExists === 'sibling'
          ? sibling
          : await vscode.window.showInformationMessage(`${plan.path} already exists. Own It never overwrites a file.`, open, ...(sibling ? [sibling] : []));
    if (choice === open) {
      await vscode.window.showTextDocument(vscode.Uri.file(path.join(ref.repoRoot, plan.path)), showOptions(fromPanel(arg)));
      return plan.path;
    }
    if (!choice || !plan.alternative) return undefined;
    target = plan.alternative;
  }
  await createAndOpen(ref.repoRoot, target.path, target.content, target.cursor, showOptions(fromPanel(arg)));
  // A shell-suite script is run by its runner directly: the same 0755 as the CLI writes.
  await scaffoldModule().markScript(ref.repoRoot, plan, target.path);
  benchMark('scaffold: file shown');
  await linkAction(container, ref, { text: `Regression test for ${subject}`, kind: 'test', done: false, path: target.path });
  benchMark('scaffold: action linked');
  void vscode.window.showInformationMessage(`Created ${target.path} (${plan.framework.framework}). It fails until you write the test; the incident shows it as pending until then.`);
  return target.path;
}

/** Puts back the culprit's tests (recreated files as undoable creations, re-applied ones as undoable edits) and links each. */
async function restoreIntoWorkspace(container: Container, ref: IncidentRef, restore: RestorePlan, show: vscode.TextDocumentShowOptions): Promise<string | undefined> {
  const short = restore.culprit.slice(0, 7);
  let last: string | undefined;
  for (const f of restore.files) {
    if (f.existing) await vscode.window.showTextDocument(vscode.Uri.file(path.join(ref.repoRoot, f.path)), show);
    else if (f.kind === 'recreate') await createAndOpen(ref.repoRoot, f.path, f.content, f.cursor, show);
    else if (!f.edit || !(await applySpecEdit(ref.repoRoot, f.edit, show))) continue;
    await linkAction(container, ref, { text: `Tests restored from ${short} (${f.path})`, kind: 'test', done: false, path: f.path });
    last = f.path;
  }
  if (last) void vscode.window.showInformationMessage(`Restored the tests ${short} wrote. They stay red until you confirm them: run them, then delete the OWN-IT-PLACEHOLDER test.`);
  return last;
}

/** A caller that already knows the cause and lesson (a script, a test) skips both questions. */
function checklistOptions(arg: unknown): { category?: CauseCategory; lesson?: string } | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const { category, lesson } = arg as Record<string, unknown>;
  const known = scaffoldModule().CAUSE_CATEGORIES.find((c) => c === category);
  if (!known && typeof lesson !== 'string') return undefined;
  return { ...(known ? { category: known } : {}), ...(typeof lesson === 'string' ? { lesson } : {}) };
}

export async function addChecklistItem(container: Container, arg?: unknown): Promise<string | undefined> {
  const ref = await resolveIncident(container, arg, 'Add checklist items for which incident?');
  if (!ref) return undefined;
  const stored = await container.index.store(ref.repoRoot).load(ref.incidentPath);
  const given = checklistOptions(arg);
  const picked = given
    ? { category: given.category }
    : await vscode.window.showQuickPick(
        [
          ...scaffoldModule().CAUSE_CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], category: c as CauseCategory | undefined })),
          { label: 'Only my own item', category: undefined },
        ],
        { placeHolder: 'What kind of cause was it? Own It adds concrete checks for it.' },
      );
  if (!picked) return undefined;
  const lesson = given
    ? (given.lesson ?? '')
    : await vscode.window.showInputBox({
        prompt: 'Your own checklist item (optional): what should the next person check?',
        placeHolder: 'e.g. Run the migration against a copy of production data first',
        value: '',
      });
  if (lesson === undefined) return undefined;
  if (!picked.category && !lesson.trim()) {
    void vscode.window.showInformationMessage('Nothing to add: pick a cause or write an item.');
    return undefined;
  }
  const plan = await scaffoldModule().planChecklist(ref.repoRoot, {
    incidentPath: stored.relativePath,
    ...(picked.category ? { category: picked.category, area: picked.category } : {}),
    lesson,
  });
  const uri = vscode.Uri.file(path.join(ref.repoRoot, plan.path));
  if (plan.added.length === 0) {
    void vscode.window.showInformationMessage(`${plan.path} already has these items.`);
  } else if (plan.created) {
    await createAndOpen(ref.repoRoot, plan.path, plan.content, undefined, showOptions(fromPanel(arg)));
  } else {
    const doc = await vscode.workspace.openTextDocument(uri);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), plan.content);
    if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`Could not update ${plan.path}; nothing was changed.`);
    await doc.save();
    await vscode.window.showTextDocument(doc, showOptions(fromPanel(arg)));
  }
  await linkAction(container, ref, { text: `Checklist: ${picked.category ? CATEGORY_LABELS[picked.category] : 'own item'} (${plan.path})`, kind: 'checklist', done: true, path: plan.path });
  if (plan.added.length > 0) void vscode.window.showInformationMessage(`Added ${plan.added.length} item${plan.added.length === 1 ? '' : 's'} to ${plan.path}.`);
  return plan.path;
}
