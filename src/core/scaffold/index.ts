/** Prevention core: what a culprit changed, and the regression test or checklist that keeps it from happening again. */
export * from './types';
export { changedSymbols } from './changedSymbols';
export { parseUnifiedDiff, type FileDiff } from './diffParser';
export { allSymbols, declaredSymbols, symbolsFromText, symbolsInRanges, type SymbolExtent } from './symbols';
export { languageOf, isTestFile } from './languages';
export { prepareSyntax } from './treeSitter';
export { detectFrameworks, pickFramework } from './frameworks';
export {
  planTestScaffold,
  writeScaffold,
  markScript,
  scaffoldStatus,
  NothingToTestError,
  NothingSurvivesError,
  UnknownTargetError,
  type TestScaffoldOptions,
} from './testScaffold';
export { isUntargetable } from './targets';
export {
  planChecklist,
  writeChecklist,
  findPullRequestTemplate,
  normaliseItem,
  CATEGORY_ITEMS,
  CAUSE_CATEGORIES,
  type CauseCategory,
  type ChecklistPlan,
  type ChecklistRequest,
} from './checklist';
export { readIncidentInfo, findIncidentForCommit, type IncidentInfo } from './incidentInfo';
export { NotAGitRepositoryError, UnknownCommitError, fileAtCommit } from './git';
export { OutsideRepositoryError } from './safeWrite';
export { writeSpecEdit, changedRegion, FileChangedError } from './appendToSpec';
export { planRestoreTests, writeRestore, restoredMarker, type RestorePlan, type RestoredFile, type RestoreOptions } from './restoreTests';
