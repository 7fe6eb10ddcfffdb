/** The incident model: machine fields live in YAML front matter, prose in Markdown sections. */
export type IncidentStatus = 'open' | 'mitigated' | 'resolved';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['open', 'mitigated', 'resolved'];

export type Severity = 'sev1' | 'sev2' | 'sev3' | 'sev4';
export const SEVERITIES: readonly Severity[] = ['sev1', 'sev2', 'sev3', 'sev4'];

export type ActionKind = 'fix' | 'test' | 'checklist' | 'monitoring' | 'docs' | 'process' | 'other';
export const ACTION_KINDS: readonly ActionKind[] = ['fix', 'test', 'checklist', 'monitoring', 'docs', 'process', 'other'];

/** Ids Own It gives action items (`a1`, `a2`…) or a person writes: short, safe in a URL and a marker. */
export const ACTION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
/** Issue links stored back on an action item by `own-it issues sync`. */
export const ISSUE_URL_PATTERN = /^https?:\/\/[^\s/]+\/[^\s]+\/issues\/\d+$/;

export interface ActionItem {
  /** Stable id within the incident (given by the first issue sync); the GitHub issue is matched by incident id + this. */
  id?: string;
  text: string;
  owner?: string;
  /** YYYY-MM-DD */
  due?: string;
  done: boolean;
  kind: ActionKind;
  /** Repository-relative path of a linked file (a scaffolded test or checklist). */
  path?: string;
  /** The GitHub issue that tracks this item (its web URL). */
  issue?: string;
  /** YYYY-MM-DD the item was added (stamped on save); Insights counts its age from here. */
  added?: string;
}

/** A regression test linked from an action item, as its file says: still the placeholder, written, or gone. */
export type LinkedTestStatus = 'pending' | 'done' | 'missing';

export type TimelineSource = 'manual' | 'git' | 'deploy' | 'own-it';

export interface TimelineEvent {
  /** ISO 8601 */
  at: string;
  text: string;
  source: TimelineSource;
}

export interface Lessons {
  wentWell: string;
  wentWrong: string;
  gotLucky: string;
}

/** Prose the person writes; each maps to a `## Heading` in the Markdown body. */
export interface IncidentSections {
  whatHappened: string;
  impact: string;
  rootCause: string;
  lessons: Lessons;
  teamUpdate: string;
}

export interface Incident {
  id: string;
  title: string;
  status: IncidentStatus;
  severity: Severity;
  /** ISO 8601 */
  detected: string;
  /** ISO 8601, set when status becomes resolved */
  resolved?: string;
  /** Full shas of the commits that caused the incident. */
  culprits: string[];
  /** Full sha of the revert (or rollback) commit, if any. */
  revert?: string;
  /** Deploy tags/refs involved. */
  deployRefs: string[];
  actions: ActionItem[];
  /** Manual timeline entries; automatic ones are derived from git when shown. */
  events: TimelineEvent[];
  sections: IncidentSections;
}
