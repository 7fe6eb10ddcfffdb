/** Team update drafts and the tone check, shared by the extension and the CLI. */
export { draftTeamUpdate, teamUpdateInputFromIncident, type BlastRadius, type TeamUpdateDraft, type TeamUpdateInput } from './draftTeamUpdate';
export { checkTone, type ToneFlag, type ToneFlagKind, type ToneResult, type ToneVerdict } from './toneCheck';
