import type { Event, FileDecoration, Uri } from 'vscode';

export type ReminderKind = 'staged' | 'commit' | 'reapply';

/** A prevention reminder Own It showed, as the extension API reports it. */
export interface PreventionReminder {
  kind: ReminderKind;
  repoRoot: string;
  /** Absolute path of the incident the reminder is about. */
  incidentPath: string;
  /** Repository-relative files that made it relevant (the staged or committed ones; empty for a reapply). */
  files: string[];
  message: string;
  /** The buttons offered. */
  actions: string[];
}

/** Prevention features as the extension API exposes them, for integration tests and diagnostics. */
export interface PreventionApi {
  /** The decoration Own It gives a file in the Explorer (undefined when no incident touched it). */
  decorationFor(uri: Uri): Promise<FileDecoration | undefined>;
  /** Fires for each prevention reminder shown. */
  readonly onDidRemind: Event<PreventionReminder>;
}
