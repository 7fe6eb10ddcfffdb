import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Incident } from '../core/incidents/model';
import type { IncidentIndex } from '../services/incidentIndex';
import { checklistItemsFor, filesChangedBy, isDerivedAction, isRecentIncident, linkedTestStatus, type ChecklistItems, type LinkedTestStatus } from './incidentFacts';

/** An incident whose culprit commits changed a file, with what it asks of the next change there. */
export interface TouchingIncident {
  repoRoot: string;
  /** Absolute path of the incident file. */
  incidentPath: string;
  /** Repository-relative path of the incident file. */
  relativePath: string;
  title: string;
  status: Incident['status'];
  checklists: ChecklistItems[];
  tests: { path: string; status: LinkedTestStatus }[];
}

/** Commits never change, so what a culprit touched is read once per session; bounded for huge histories. */
const MAX_CACHED_COMMITS = 2000;

/**
 * Which files the culprits of open and recently resolved incidents touched. Built when first
 * asked, rebuilt after the incident index changes; `git show --name-only` runs once per culprit.
 */
export class TouchedFiles implements vscode.Disposable {
  private readonly _onDidChange = new vscode.EventEmitter<void>();
  readonly onDidChange = this._onDidChange.event;
  private readonly disposables: vscode.Disposable[] = [this._onDidChange];
  private readonly commitFiles = new Map<string, Promise<string[]>>();
  private map: Promise<Map<string, TouchingIncident[]>> | undefined;

  constructor(
    private readonly index: IncidentIndex,
    private readonly gitPath: () => string | undefined,
  ) {
    this.disposables.push(
      index.onDidChange(() => {
        this.map = undefined;
        this._onDidChange.fire();
      }),
    );
  }

  /** Incidents whose culprits touched this file (absolute path); empty for everything else. */
  async incidentsFor(fsPath: string): Promise<TouchingIncident[]> {
    return (await this.all()).get(path.resolve(fsPath)) ?? [];
  }

  /** Every touched file (absolute path) with its incidents. */
  all(): Promise<Map<string, TouchingIncident[]>> {
    this.map ??= this.build().catch(() => new Map<string, TouchingIncident[]>());
    return this.map;
  }

  private filesOf(repoRoot: string, sha: string): Promise<string[]> {
    const key = `${repoRoot}\0${sha}`;
    let files = this.commitFiles.get(key);
    if (!files) {
      if (this.commitFiles.size >= MAX_CACHED_COMMITS) this.commitFiles.clear();
      files = filesChangedBy(repoRoot, sha, this.gitPath());
      this.commitFiles.set(key, files);
    }
    return files;
  }

  private async build(): Promise<Map<string, TouchingIncident[]>> {
    const { incidents } = await this.index.all();
    const map = new Map<string, TouchingIncident[]>();
    const now = new Date();
    for (const item of incidents) {
      const { incident, repoRoot } = item;
      if (!isRecentIncident(incident, now) || incident.culprits.length === 0) continue;
      const relativePath = path.relative(repoRoot, item.path).split(path.sep).join('/');
      const files = new Set((await Promise.all(incident.culprits.map((sha) => this.filesOf(repoRoot, sha)))).flat());
      if (files.size === 0) continue;
      const tests = await Promise.all(incident.actions.filter(isDerivedAction).map(async (a) => ({ path: a.path, status: await linkedTestStatus(repoRoot, a.path) })));
      const touching: TouchingIncident = {
        repoRoot,
        incidentPath: item.path,
        relativePath,
        title: incident.title || 'Untitled incident',
        status: incident.status,
        checklists: await checklistItemsFor(repoRoot, relativePath, incident.actions),
        tests,
      };
      for (const rel of files) {
        const abs = path.resolve(repoRoot, rel);
        // The incident file itself and its checklists are bookkeeping, not the code that broke.
        if (abs === item.path) continue;
        const list = map.get(abs) ?? [];
        list.push(touching);
        map.set(abs, list);
      }
    }
    return map;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
