/** Team update drafts and the tone check, shared by the extension and the CLI. */
export { draftTeamUpdate, teamUpdateInputFromIncident, type BlastRadius, type TeamUpdateDraft, type TeamUpdateInput } from './draftTeamUpdate';
export {
  applyToneSuggestion,
  checkTone,
  StaleSuggestionError,
  type ToneComponent,
  type ToneComponentName,
  type ToneFlag,
  type ToneFlagKind,
  type ToneOptions,
  type ToneResult,
  type ToneSuggestion,
  type ToneVerdict,
} from './toneCheck';
