import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DeployFinding } from '../core/deploys';
import type { Container } from '../container';
import { benchMark } from '../services/benchTiming';
import { incidentCoversFinding } from '../services/deployHistory';
import { deploysModule } from '../services/lazyBundles';
import type { InsightsPanel } from '../webviews/insights/insightsPanel';
import { insightsModule } from '../webviews/insights/lazyPanel';
import type { ExportFormat } from '../webviews/insights/protocol';
import type { IncidentPanel } from '../webviews/incident/incidentPanel';
import { openPanel } from './openPanel';
import { pickRepository } from './pickers';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function repoRootOf(arg: unknown): string | undefined {
  return isObject(arg) && typeof arg.repoRoot === 'string' ? arg.repoRoot : undefined;
}

/**
 * Opens the Insights panel on a repository (`{ repoRoot }`, or the one the person picks). A
 * workspace of one folder that is a repository root is shown at once, without waiting for the
 * git extension to open its repositories (seconds after a start on a large repository).
 */
export async function showInsights(container: Container, arg?: unknown): Promise<InsightsPanel | undefined> {
  benchMark('insights: asked');
  const { InsightsPanel: Panel } = insightsModule();
  benchMark('insights: panel bundle loaded');
  const repoRoot = repoRootOf(arg) ?? Panel.current?.repository ?? rootFolderBeforeGit(container) ?? (await pickRepository(container, 'Show insights for which repository?'));
  if (!repoRoot) return undefined;
  return Panel.show(container.insightsDeps, repoRoot);
}

/** The one workspace folder, when it is a repository root (a `.git` entry, no git run) and the git extension is not ready yet. */
function rootFolderBeforeGit(container: Container): string | undefined {
  if (container.tracker.ready) return undefined;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length !== 1 || folders[0].uri.scheme !== 'file') return undefined;
  const root = folders[0].uri.fsPath;
  return fs.existsSync(path.join(root, '.git')) ? root : undefined;
}

/**
 * Exports insights as Markdown or CSV: `{ repoRoot?, format?, target? }`. Without a target the
 * save dialog chooses (and confirms any replacement); with one, an existing file is refused.
 */
export async function exportInsights(container: Container, arg?: unknown): Promise<vscode.Uri | undefined> {
  const given = isObject(arg) ? arg : {};
  const format = given.format === 'markdown' || given.format === 'csv' ? given.format : await pickFormat();
  if (!format) return undefined;
  const target = given.target instanceof vscode.Uri ? given.target : typeof given.target === 'string' ? vscode.Uri.file(given.target) : undefined;
  const panel = insightsModule().InsightsPanel.current;
  const repoRoot = repoRootOf(arg) ?? panel?.repository ?? (await pickRepository(container, 'Export insights for which repository?'));
  if (!repoRoot) return undefined;
  const { exportReport, ExportTargetExistsError } = insightsModule();
  try {
    if (panel && panel.repository === repoRoot && panel.lastState) return await panel.export(format, target);
    const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Own It: computing insights…' }, () => container.insightsDeps.metrics(repoRoot));
    return await exportReport(repoRoot, report, format, target);
  } catch (e) {
    if (!(e instanceof ExportTargetExistsError)) throw e;
    void vscode.window.showWarningMessage(e.message);
    return undefined;
  }
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Markdown', description: 'one section per metric, with its formula', format: 'markdown' as const },
      { label: 'CSV', description: 'one row per value, for a spreadsheet', format: 'csv' as const },
    ],
    { placeHolder: 'Export insights as' },
  );
  return picked?.format;
}

function asFindingRef(arg: unknown): { repoRoot: string; finding: DeployFinding } | undefined {
  if (!isObject(arg) || typeof arg.repoRoot !== 'string' || !isObject(arg.finding)) return undefined;
  const f = arg.finding;
  if (typeof f.kind !== 'string' || typeof f.rule !== 'string' || !Array.isArray(f.culprits) || !isObject(f.evidence)) return undefined;
  return { repoRoot: arg.repoRoot, finding: f as unknown as DeployFinding };
}

/**
 * Opens the incident for a failed-deploy finding (a node of the Failed Deploys view, or
 * `{ repoRoot, finding }`): the incident that already covers it, or a new one whose culprits are
 * the commits between the good and the failed deploy, detected when the failure became visible
 * (as an incident from a revert is dated by the revert).
 */
export async function openIncidentForDeploy(container: Container, arg?: unknown): Promise<IncidentPanel | undefined> {
  const ref = asFindingRef(arg);
  if (!ref) {
    void vscode.window.showInformationMessage('Pick a finding in the Failed Deploys view to open its incident.');
    await vscode.commands.executeCommand('ownIt.failedDeploys.focus');
    return undefined;
  }
  const store = container.index.store(ref.repoRoot);
  const { incidents } = await store.list();
  const existing = incidents.find((s) => incidentCoversFinding(s.incident, ref.finding));
  const incidentPath = existing?.path ?? (await store.create({ ...deploysModule().incidentDraftForFinding(ref.finding), detected: ref.finding.date || undefined })).path;
  const panel = await openPanel(container, { kind: 'file', repoRoot: ref.repoRoot, incidentPath });
  container.index.invalidate();
  return panel;
}
