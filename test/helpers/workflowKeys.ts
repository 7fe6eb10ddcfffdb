/**
 * A key check for GitHub Actions workflow files, from GitHub's documented workflow syntax
 * ("Workflow syntax for GitHub Actions"). The published JSON schema (SchemaStore) is not
 * shipped here, so this checks every key the file uses against the documented ones, plus the
 * rules Own It promises: actions pinned to full shas, and permissions that name known scopes.
 */
import { parse } from 'yaml';

const TOP = new Set(['name', 'run-name', 'on', 'permissions', 'env', 'defaults', 'concurrency', 'jobs']);
const EVENTS_WITH_FILTERS: Record<string, Set<string>> = {
  push: new Set(['branches', 'branches-ignore', 'tags', 'tags-ignore', 'paths', 'paths-ignore']),
  pull_request: new Set(['types', 'branches', 'branches-ignore', 'paths', 'paths-ignore']),
  workflow_dispatch: new Set(['inputs']),
  schedule: new Set(),
};
const JOB = new Set(['name', 'permissions', 'needs', 'if', 'runs-on', 'environment', 'concurrency', 'outputs', 'env', 'defaults', 'steps', 'timeout-minutes', 'strategy', 'continue-on-error', 'container', 'services', 'uses', 'with', 'secrets']);
const STEP = new Set(['id', 'if', 'name', 'uses', 'run', 'working-directory', 'shell', 'with', 'env', 'continue-on-error', 'timeout-minutes']);
const CONCURRENCY = new Set(['group', 'cancel-in-progress']);
const SCOPES = new Set(['actions', 'attestations', 'checks', 'contents', 'deployments', 'discussions', 'id-token', 'issues', 'models', 'packages', 'pages', 'pull-requests', 'repository-projects', 'security-events', 'statuses']);
const LEVELS = new Set(['read', 'write', 'none']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function keys(where: string, v: unknown, allowed: Set<string>, problems: string[]): void {
  if (!isObj(v)) {
    problems.push(`${where} must be a mapping`);
    return;
  }
  for (const k of Object.keys(v)) if (!allowed.has(k)) problems.push(`${where}.${k} is not a key GitHub Actions allows there`);
}

function permissions(where: string, v: unknown, problems: string[]): void {
  if (v === 'read-all' || v === 'write-all') return;
  if (!isObj(v)) return void problems.push(`${where} must be a mapping of scope: read|write|none`);
  for (const [scope, level] of Object.entries(v)) {
    if (!SCOPES.has(scope)) problems.push(`${where}.${scope} is not a permission scope`);
    if (typeof level !== 'string' || !LEVELS.has(level)) problems.push(`${where}.${scope} must be read, write or none`);
  }
}

/** Problems found, one sentence each; empty when the workflow passes. */
export function checkWorkflow(text: string): string[] {
  const problems: string[] = [];
  const doc: unknown = parse(text);
  keys('workflow', doc, TOP, problems);
  if (!isObj(doc)) return problems;
  if (!isObj(doc.on)) problems.push('workflow.on must be a mapping of events');
  else {
    for (const [event, filters] of Object.entries(doc.on)) {
      const allowed = EVENTS_WITH_FILTERS[event];
      if (!allowed) problems.push(`on.${event} is not an event this check knows`);
      else if (filters !== null) keys(`on.${event}`, filters, allowed, problems);
    }
  }
  if (doc.permissions !== undefined) permissions('permissions', doc.permissions, problems);
  if (doc.concurrency !== undefined && typeof doc.concurrency !== 'string') keys('concurrency', doc.concurrency, CONCURRENCY, problems);
  if (!isObj(doc.jobs) || Object.keys(doc.jobs).length === 0) return [...problems, 'workflow.jobs must name at least one job'];
  for (const [id, job] of Object.entries(doc.jobs)) {
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(id)) problems.push(`jobs.${id}: a job id starts with a letter or _ and has only letters, digits, - and _`);
    keys(`jobs.${id}`, job, JOB, problems);
    if (!isObj(job)) continue;
    if (job['runs-on'] === undefined && job.uses === undefined) problems.push(`jobs.${id} needs runs-on`);
    if (job.permissions !== undefined) permissions(`jobs.${id}.permissions`, job.permissions, problems);
    if (!Array.isArray(job.steps)) {
      problems.push(`jobs.${id}.steps must be a list`);
      continue;
    }
    job.steps.forEach((step: unknown, i) => {
      const where = `jobs.${id}.steps[${i}]`;
      keys(where, step, STEP, problems);
      if (!isObj(step)) return;
      if ((step.uses === undefined) === (step.run === undefined)) problems.push(`${where} needs exactly one of uses and run`);
      if (typeof step.uses === 'string' && !/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/.test(step.uses)) problems.push(`${where}.uses is not pinned to a full commit sha`);
    });
  }
  return problems;
}
