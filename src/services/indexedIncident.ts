import type { Incident } from '../core/incidents/model';

/** An incident as the views list it: which repository, which file, what it says. */
export interface IndexedIncident {
  repoRoot: string;
  /** Absolute path of the incident file. */
  path: string;
  incident: Incident;
}

/** An incident file (or folder) that could not be read, for the view to say so. */
export interface IndexProblem {
  repoRoot: string;
  message: string;
}
