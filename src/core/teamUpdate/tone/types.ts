/**
 * Shapes of the tone check's result, and the one line that explains each verdict, shared by the
 * CLI, the incident panel host and its UI (which bundles this file, so nothing here may need Node).
 */
import type { BlastRadius } from '../draftTeamUpdate';

export type ToneVerdict = 'right-sized' | 'over-apologetic' | 'deflecting' | 'under-owned';
export const TONE_VERDICTS: readonly ToneVerdict[] = ['right-sized', 'over-apologetic', 'deflecting', 'under-owned'];

/** What each verdict asks of the writer, in one line: the CLI and the panel show the same words. */
export const TONE_VERDICT_LINES: Readonly<Record<ToneVerdict, string>> = {
  'right-sized': 'Plain and in proportion.',
  'over-apologetic': 'Apologise once, then move to facts and the fix.',
  deflecting: 'Own what you changed; name the missing safeguard, not someone else.',
  'under-owned': 'Says too little: own it and give what this blast radius needs.',
};

export type ToneFlagKind =
  | 'over-apology'
  | 'self-deprecation'
  | 'deflection'
  | 'blame'
  | 'naming-people'
  | 'human-error'
  | 'non-apology'
  | 'minimizing'
  | 'missing-beat';

/** The six parts of an effective apology (Lewicki, Polin & Lount 2016), minus asking forgiveness. */
export type ToneComponentName = 'ownership' | 'explanation' | 'impact' | 'regret' | 'repair' | 'prevention';
export const TONE_COMPONENTS: readonly ToneComponentName[] = ['ownership', 'explanation', 'impact', 'regret', 'repair', 'prevention'];

export interface ToneComponent {
  name: ToneComponentName;
  present: boolean;
  /** True when the blast radius asks for this part. */
  required: boolean;
  /** The first sentence that shows it, as written. */
  sentence?: string;
}

/**
 * One concrete rewrite: replace `original` at `index` with `replacement`. A missing part is an
 * insertion at the end (`original` empty). Applied by {@link applyToneSuggestion}.
 */
export interface ToneSuggestion {
  index: number;
  original: string;
  replacement: string;
}

export interface ToneFlag {
  kind: ToneFlagKind;
  /** The matched words, as written (empty for a missing part). */
  excerpt: string;
  /** One practical line: what to say instead. */
  explanation: string;
  /** Offset of the excerpt in the checked text (the text's length for a missing part). */
  index: number;
  /** For `missing-beat`: which part is missing. */
  component?: ToneComponentName;
  suggestion: ToneSuggestion;
}

export interface ToneResult {
  verdict: ToneVerdict;
  radius: BlastRadius;
  components: ToneComponent[];
  flags: ToneFlag[];
}

export interface ToneOptions {
  /** How far the breakage reached; decides which parts are required. Default `team`. */
  radius?: BlastRadius;
  /** People who could be named: the repository's author names (mailmap applied). */
  people?: readonly string[];
  /**
   * False when the person sending the update did not write the change (a teammate's commit they
   * are reporting on): owning the failure is then not theirs to do, so ownership is not required.
   * Default true.
   */
  ownsTheChange?: boolean;
}
