/**
 * The explanations that several tone rules give, one wording each (a rule with its own reason keeps it inline).
 */
export const EXPLAIN = {
  /** The impact played down. */
  PLAYED_DOWN: 'This plays the impact down; say plainly who was affected and for how long, and let readers judge the size.',
  /** Responsibility shifted away from the writer's change. */
  SHIFTED: 'This shifts responsibility away from the change you made; say what you changed and what you are doing about it.',
  /** The cause put outside the team, nothing owned. */
  CAUSE_OUTSIDE: 'This puts the cause outside the team without saying what was yours; say which part you own (a missing fallback, test or check).',
  /** The writer putting themself down. */
  PUT_DOWN: 'Putting yourself down makes the update about you; say what broke and what changed.',
  /** The writer running themself down (the later rules' wording). */
  RUN_DOWN: 'Running yourself down does not help the reader; say what broke and what you changed.',
  /** The cause put on other people. */
  ON_OTHERS: 'Putting the cause on others makes people defensive; say what was yours and which safeguard was missing.',
  /** An intensified apology. */
  ONE_SORRY: 'One plain "sorry" is enough; intensifying it makes the message about you instead of the fix.',
  /** "Human error" given as the cause. */
  HUMAN_ERROR: '"Human error" names no cause; say which safeguard was missing (a test, a check, a review step).',
  /** The cause put on an outside party, nothing owned. */
  OUTSIDE_PARTY: 'This puts the cause on an outside party without saying what was yours; say which part you own (a missing fallback, test or check).',
  /** An apology for what may have happened. */
  MAY_HAVE: 'This apologises for what may have happened, not for what did; name what broke and for whom.',
  /** An apology for feelings. */
  FEELINGS: 'This apologises for how people felt, not for what happened; apologise for the breakage itself.',
  /** An apology made bigger. */
  BIGGER_SORRY: 'One plain "sorry" is enough; making the apology bigger makes the message about you instead of the fix.',
  /** Owning the change, then moving its cause to another party. */
  MOVED: 'Owning the change and then moving its cause to another party reads as deflection; say what you will change.',
  /** The writer's side cleared before saying what happened. */
  DENIAL: 'This clears your side before showing what happened; say what you checked and what was yours, if anything.',
} as const;
