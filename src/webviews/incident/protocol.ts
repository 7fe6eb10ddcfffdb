/**
 * Every message between the incident panel host and its UI, shared by both sides (GitLens style):
 * notifications flow host → UI, commands flow UI → host, and requests carry an id that the
 * host's reply echoes. Type-only imports keep Node code out of the browser bundle.
 */
import type { BlastRadius, BlastRadiusAssessment } from '../../core/commits/blastRadius';
import type { CommitDetails } from '../../core/commits/commitDetails';
import type { TimelineEntry } from '../../core/commits/timeline';
import type { Incident } from '../../core/incidents/model';
import type { ToneResult, ToneSuggestion, ToneVerdict } from '../../core/teamUpdate/toneCheck';

export const INCIDENT_VIEW_TYPE = 'ownIt.incident';

/** The tone check's result as the UI shows it: a verdict badge, the parts, one line and one rewrite per flag. */
export type ToneView = ToneResult;
export type { ToneSuggestion, ToneVerdict };

export interface TeamUpdateView {
  radius: BlastRadius;
  /** Why the radius is what it is, in one sentence. */
  reason: string;
  /** How big a message this needs, from the draft generator. */
  note: string;
  /** A generated starting point scaled to the radius, as Markdown and as plain text. */
  draft: string;
  draftPlain: string;
  /** True for a local-only breakage: we say a message is probably not needed. */
  noMessageNeeded: boolean;
  /** Tone of the text the person will actually send (their edit, else the draft). */
  tone: ToneView;
}

/** Everything the UI shows that is derived from git or the file, recomputed by the host. */
export interface DerivedView {
  timeline: TimelineEntry[];
  teamUpdate: TeamUpdateView;
}

/** A linked regression test, as its file says: still the placeholder, written, or gone. */
export type LinkedTestStatus = 'pending' | 'done' | 'missing';

/** Prevention commands the panel can run for its incident. */
export type PreventionAction = 'scaffoldRegressionTest' | 'addChecklistItem';

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

/** Why a full state arrives: first load, a re-load, or the file changed on disk. */
export type StateReason = 'open' | 'external' | 'resolved';

// ---------- host → UI ----------
export type HostNotification =
  | { type: 'state'; reason: StateReason; state: IncidentViewState }
  | { type: 'saved'; version: string; savedAt: string; derived: DerivedView }
  | { type: 'saveFailed'; message: string }
  /** The file changed while the panel had edits it had not saved; nothing was written. */
  | { type: 'conflict'; message: string; theirs: Incident | undefined; theirsVersion: string | undefined }
  | { type: 'copied'; format: CopyFormat }
  /** A linked test file changed on disk (its placeholder was written or came back). */
  | { type: 'linkedTests'; linkedTests: Record<string, LinkedTestStatus> };

// ---------- requests (UI asks, host replies with the same id) ----------
export interface RequestMap {
  checkTone: { params: { text: string }; result: ToneView };
  /** Applies one suggested rewrite to the text; the reply has the new text and its tone. */
  applyToneSuggestion: { params: { text: string; suggestion: ToneSuggestion }; result: { text: string; tone: ToneView } };
}
export type RequestMethod = keyof RequestMap;

export type RequestMessage = {
  [M in RequestMethod]: { type: 'request'; id: number; method: M; params: RequestMap[M]['params'] };
}[RequestMethod];

export type ReplyMessage =
  | { [M in RequestMethod]: { type: 'reply'; id: number; method: M; ok: true; result: RequestMap[M]['result'] } }[RequestMethod]
  | { type: 'reply'; id: number; method: RequestMethod; ok: false; error: string };

export type HostMessage = HostNotification | ReplyMessage;

// ---------- UI → host ----------
export type CopyFormat = 'markdown' | 'plain';
export type ConflictChoice = 'keepMine' | 'useTheirs' | 'showBoth';

/** Unsaved panel edits, kept in webview state so they survive a window reload. */
export interface DraftState {
  incident: Incident;
  baseVersion: string;
}

export type UiCommand =
  /** The UI listens now (sent on every page load, including after a reload). */
  | { type: 'ready' }
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
