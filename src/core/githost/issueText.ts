/**
 * The text of the GitHub issues Own It opens for action items, and the hidden marker that ties
 * an issue to one action item (incident id + item id), so a sync never opens a second issue.
 */
import type { ActionItem, Incident } from '../incidents/model';
import type { GitHubRepoRef } from './types';

export const INCIDENT_LABEL = 'incident';
export const ACTION_ITEM_LABEL = 'action-item';
/** Colours and descriptions used when Own It creates the labels (an existing label is left as it is). */
export const LABELS: readonly { name: string; color: string; description: string }[] = [
  { name: INCIDENT_LABEL, color: 'b60205', description: 'Follow-up of an incident (Own It)' },
  { name: ACTION_ITEM_LABEL, color: '0e8a16', description: 'An action item from an incident review (Own It)' },
];

const MAX_TITLE = 120;

/** `<!-- own-it:action incident=<id> item=<id> -->`: invisible on GitHub, searchable in the body text. */
export function actionMarker(incidentId: string, itemId: string): string {
  return `<!-- own-it:action incident=${incidentId} item=${itemId} -->`;
}

/** The words search looks for (GitHub search ignores the comment brackets, not the words). */
export function markerPhrase(incidentId: string, itemId: string): string {
  return `own-it:action incident=${incidentId} item=${itemId}`;
}

/** `{ incident, item }` for every marker in an issue body (a person may paste one into another issue). */
export function readMarkers(body: string | null | undefined): { incident: string; item: string }[] {
  const out: { incident: string; item: string }[] = [];
  for (const m of (body ?? '').matchAll(/own-it:action incident=([A-Za-z0-9_.-]+) item=([A-Za-z0-9_-]+)/g)) out.push({ incident: m[1], item: m[2] });
  return out;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `Action item: <text>`, cut at a word near 120 characters. */
export function issueTitle(item: ActionItem): string {
  const text = oneLine(item.text) || 'Follow-up';
  if (text.length <= MAX_TITLE) return text;
  const cut = text.slice(0, MAX_TITLE - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 60 ? cut.slice(0, space) : cut}…`;
}

/** The web page of a file on the default branch: `https://github.com/o/r/blob/main/docs/incidents/x.md`. */
export function fileUrl(repo: GitHubRepoRef, branch: string, relativePath: string): string {
  const encoded = relativePath.split('/').map(encodeURIComponent).join('/');
  return `https://${repo.host}/${repo.owner}/${repo.repo}/blob/${encodeURIComponent(branch)}/${encoded}`;
}

/** Markdown-safe text for one line of the issue body: no raw HTML, no mentions that would notify people. */
function safe(text: string): string {
  return oneLine(text).replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/@(?=\w)/g, '@\u200b');
}

export interface IssueBodyInput {
  repo: GitHubRepoRef;
  defaultBranch: string;
  incidentPath: string;
  incident: Incident;
  item: ActionItem & { id: string };
}

/**
 * The issue body: the item, where it came from (a link to the incident file), a Four Keys-style
 * `root cause: <sha>` line per culprit, and the marker last.
 */
export function issueBody({ repo, defaultBranch, incidentPath, incident, item }: IssueBodyInput): string {
  const details = [
    `- Incident: [${safe(incident.title)}](${fileUrl(repo, defaultBranch, incidentPath)}) (${incident.severity}, detected ${incident.detected.slice(0, 10)})`,
    `- Kind: ${item.kind}`,
    ...(item.owner ? [`- Owner: ${safe(item.owner)}`] : []),
    ...(item.due ? [`- Due: ${item.due}`] : []),
    ...(item.path ? [`- File: \`${item.path.replace(/`/g, '')}\``] : []),
  ];
  const causes = incident.culprits.map((sha) => `root cause: ${sha}`);
  return [
    safe(item.text),
    '',
    ...details,
    '',
    ...(causes.length ? [...causes, ''] : []),
    'Opened by Own It from the incident file; closing this issue marks the item done on the next `own-it issues sync`.',
    '',
    actionMarker(incident.id, item.id),
    '',
  ].join('\n');
}

/** The issue number in an issue URL Own It stored, or undefined. */
export function issueNumber(url: string): number | undefined {
  const m = /\/issues\/(\d+)$/.exec(url);
  return m ? Number(m[1]) : undefined;
}
