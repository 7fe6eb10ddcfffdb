/**
 * Every message between the incident panel host and its UI, shared by both sides (GitLens style):
 * notifications flow host → UI, commands flow UI → host, and requests carry an id that the
 * host's reply echoes. It imports only type modules with no Node code (checked by
 * `tsconfig.webview.json`, where Node's types do not exist), and the UI imports core shapes through it.
 */
import type { BlastRadius, BlastRadiusAssessment, CommitDetails, FileChange, TimelineEntry } from '../../core/commits/types';
import type { Incident, LinkedTestStatus } from '../../core/incidents/model';
import type { TeamUpdateView } from '../../core/teamUpdate/teamUpdateView';
import type { FactLine } from '../../core/facts/factLine';
import type { ToneResult, ToneSuggestion, ToneVerdict } from '../../core/teamUpdate/toneCheck';
import type { ReadyMessage, ReplyOf, RequestOf } from '../shared/protocol';

export type { BlastRadius, CommitDetails, FileChange, LinkedTestStatus, TeamUpdateView, TimelineEntry, ToneSuggestion, ToneVerdict };

export const INCIDENT_VIEW_TYPE = 'ownIt.incident';

/** The tone check's result as the UI shows it: a verdict badge, the parts, one line and one rewrite per flag. */
export type ToneView = ToneResult;

/** Everything the UI shows that is derived from git or the file, recomputed by the host. */
export interface DerivedView {
  timeline: TimelineEntry[];
  teamUpdate: TeamUpdateView;
  /** What git says (default branch, whose commit, pushed or local, deploys), each with its source: the same lines `own-it incident new` prints. */
  facts: FactLine[];
}

/** Prevention commands the panel can run for its incident. */
export type PreventionAction = 'scaffoldRegressionTest' | 'addChecklistItem' | 'syncActionItemIssues';

export interface IncidentViewState extends DerivedView {
  repoRoot: string;
  /** Absolute path of the incident file. */
  incidentPath: string;
  /** Path relative to the repository root, for display. */
  relativePath: string;
  incident: Incident;
  /** Opaque token for the file text this incident was read from; edits are based on it. */
  version: string;
  culprits: CommitDetails[];
  /** Culprit shas that could not be read (not in this clone, typically), with the reason. */
  missingCulprits: { sha: string; reason: string }[];
  revert?: CommitDetails;
  blast: BlastRadiusAssessment;
  /** Linked tests' status read from their files (repository-relative path → status): shown, never saved. */
  linkedTests?: Record<string, LinkedTestStatus>;
}

/** The git-derived part of the state: sent when a panel first drawn from its commit cards has its facts. */
export type FactsUpdate = Pick<IncidentViewState, 'culprits' | 'missingCulprits' | 'revert' | 'blast'> & DerivedView;

/** Why a full state arrives: first load, a re-load, or the file changed on disk. */
export type StateReason = 'open' | 'external' | 'resolved';

// ---------- host → UI ----------
export type HostNotification =
  | { type: 'state'; reason: StateReason; state: IncidentViewState }
  /** The git facts behind a state that was sent before them (the cards came first). */
  | { type: 'facts'; facts: FactsUpdate }
  /**
   * `incident` is set when the file had changed elsewhere (a scaffold, the CLI, git) and the
   * save merged with it: the UI takes it into its working copy. `conflicts` names fields both
   * sides changed (their texts are both kept in the field).
   */
  | { type: 'saved'; version: string; savedAt: string; derived: DerivedView; incident?: Incident; conflicts?: string[] }
  | { type: 'saveFailed'; message: string }
  /** The file changed while the panel had edits it had not saved; nothing was written. */
  | { type: 'conflict'; message: string; theirs: Incident | undefined; theirsVersion: string | undefined }
  | { type: 'copied'; format: CopyFormat }
  /** A linked test file changed on disk (its placeholder was written or came back). */
  | { type: 'linkedTests'; linkedTests: Record<string, LinkedTestStatus> };

// ---------- requests (UI asks, host replies with the same id) ----------
export type RequestMap = {
  checkTone: { params: { text: string }; result: ToneView };
  /** Applies one suggested rewrite to the text; the reply has the new text and its tone. */
  applyToneSuggestion: { params: { text: string; suggestion: ToneSuggestion }; result: { text: string; tone: ToneView } };
};
export type RequestMethod = keyof RequestMap;
export type RequestMessage = RequestOf<RequestMap>;
export type ReplyMessage = ReplyOf<RequestMap>;

export type HostMessage = HostNotification | ReplyMessage;

// ---------- UI → host ----------
export type CopyFormat = 'markdown' | 'plain';
export type ConflictChoice = 'keepMine' | 'useTheirs' | 'showBoth';

/** Unsaved panel edits, kept in webview state so they survive a window reload. */
export interface DraftState {
  incident: Incident;
  baseVersion: string;
  /** The incident the draft started from, so a reload can merge the draft with a newer file. */
  base?: Incident;
}

export type UiCommand =
  /** The UI listens now (sent on every page load, including after a reload). */
  | ReadyMessage
  | { type: 'edit'; incident: Incident; baseVersion: string }
  | { type: 'openDiff'; sha: string; path: string; oldPath?: string }
  /** Repository-relative path of a file linked from an action item. */
  | { type: 'openFile'; path: string }
  | { type: 'openIncidentFile' }
  /** `text` is the person's own update; without it the generated draft is copied. */
  | { type: 'copyTeamUpdate'; format: CopyFormat; text?: string }
  | { type: 'resolveConflict'; choice: ConflictChoice; incident: Incident }
  /** Runs Scaffold Regression Test or Add Checklist Item for this incident. */
  | { type: 'prevent'; action: PreventionAction };

export type UiMessage = UiCommand | RequestMessage;

/** What the webview persists with setState; the serializer reads the first two. */
export interface PersistedWebviewState {
  incidentPath: string;
  repoRoot: string;
  draft?: DraftState;
}

export function isPersistedWebviewState(value: unknown): value is PersistedWebviewState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.incidentPath === 'string' && typeof v.repoRoot === 'string';
}
