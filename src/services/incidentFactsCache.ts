import type { CommitDetails } from '../core/commits/commitDetails';
import type { IncidentFacts } from '../core/facts/incidentFacts';
import type { Incident } from '../core/incidents/model';

/** `vscode.Event`'s shape; this service needs nothing else from VS Code, so it is unit-tested without it. */
type Event<T> = (listener: (e: T) => unknown) => { dispose(): unknown };

export interface IncidentFactsSources {
  /** Any change in a repository's git dir: HEAD, refs (new tags, pushes, fetches), debounced. */
  onDidChangeRepository: Event<{ root: string }>;
  /** Our settings changed (the deploy tag pattern decides which tag shipped a commit). */
  onDidChangeSettings: Event<void>;
}

export interface IncidentFactsReaders {
  /** `details`: commits the caller is already reading, reused on a first read. */
  facts: (repoRoot: string, incident: Pick<Incident, 'culprits' | 'revert' | 'deployRefs'>, details?: (sha: string) => Promise<CommitDetails>) => Promise<IncidentFacts>;
  authors: (repoRoot: string) => Promise<string[]>;
}

/** Incidents whose facts are kept per repository; an older one is read again when asked. */
const KEPT_PER_REPOSITORY = 64;

/**
 * What git says about an incident's commits (placement, landing, deploy tags, the repository's
 * authors), read once and kept until that repository's git dir or our settings change, so a panel
 * opened again (or the same incident in two places) does not start the same chain of git
 * processes. The incident file's own content is part of the key, not an event: the facts depend
 * only on its commits and deploy refs.
 */
export class IncidentFactsCache {
  private readonly facts = new Map<string, Map<string, Promise<IncidentFacts>>>();
  private readonly authors = new Map<string, Promise<string[]>>();
  private readonly disposables: { dispose(): unknown }[] = [];

  constructor(
    sources: IncidentFactsSources,
    private readonly read: IncidentFactsReaders,
  ) {
    this.disposables.push(
      sources.onDidChangeRepository((repo) => this.invalidate(repo.root)),
      sources.onDidChangeSettings(() => this.invalidate()),
    );
  }

  incidentFacts(repoRoot: string, incident: Pick<Incident, 'culprits' | 'revert' | 'deployRefs'>, details?: (sha: string) => Promise<CommitDetails>): Promise<IncidentFacts> {
    let kept = this.facts.get(repoRoot);
    if (!kept) this.facts.set(repoRoot, (kept = new Map()));
    const key = JSON.stringify([incident.culprits, incident.revert ?? null, incident.deployRefs]);
    const known = kept.get(key);
    if (known) {
      // Most recently used last, so the oldest is the one left out.
      kept.delete(key);
      kept.set(key, known);
      return known;
    }
    const value = this.read.facts(repoRoot, incident, details);
    this.keep(kept, key, value);
    return value;
  }

  repositoryAuthors(repoRoot: string): Promise<string[]> {
    const known = this.authors.get(repoRoot);
    if (known) return known;
    const value = this.read.authors(repoRoot);
    this.authors.set(repoRoot, value);
    // A failure is not kept: the next ask tries again.
    value.catch(() => this.authors.get(repoRoot) === value && this.authors.delete(repoRoot));
    return value;
  }

  private keep(kept: Map<string, Promise<IncidentFacts>>, key: string, value: Promise<IncidentFacts>): void {
    kept.set(key, value);
    value.catch(() => kept.get(key) === value && kept.delete(key));
    if (kept.size > KEPT_PER_REPOSITORY) kept.delete(kept.keys().next().value as string);
  }

  /** Forgets a repository's facts (or every repository's). */
  invalidate(repoRoot?: string): void {
    if (repoRoot === undefined) {
      this.facts.clear();
      this.authors.clear();
      return;
    }
    this.facts.delete(repoRoot);
    this.authors.delete(repoRoot);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.invalidate();
  }
}
