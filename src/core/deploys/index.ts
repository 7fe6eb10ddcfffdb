/** Public surface of deploy detection, for the extension and the CLI. */
export * from './types';
export { byEnvironment, findDeploys, sortDeploys } from './deployTags';
export { DeployList } from './deployList';
export { analyzeDeploys, culpritsForFinding, DEFAULT_MAX_CULPRITS, type FailedDeployReport, findFailedDeploys, findingTitle, incidentDraftForFinding } from './failedDeploys';
export { compileHotfixPattern, HotfixPatternError } from './hotfixes';
export { compileTagPattern, type TagPattern, TagPatternError } from './tagPattern';
