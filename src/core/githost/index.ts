export * from './types';
export { parseGitHubRemote, webHostForApiUrl, isGitHubDotCom, originUrl, recentRemoteCommits } from './remoteUrl';
export { GitHubClient, GitHubHttpError, GitHubAuthError, GitHubBackoffError, GitHubNetworkError, GitHubPermissionError, type FetchFn, type GitHubClientOptions } from './githubClient';
export { fetchCiFindings, FAILED_CHECK_CONCLUSIONS, FAILED_STATES, type CiFindingsOptions, type CiFindingsResult } from './ciFindings';
export { CiMonitor, describeFinding, type CiMonitorHost, type CiSettings, type RepoCiFinding } from './ciMonitor';
export { gitHubRepoFor, NoGitHubRemoteError } from './repoTarget';
export { syncActionItems, type IssueResponse, type IssueSyncOptions, type IssueSyncResult, type SyncStep, type SyncStepKind } from './issueSync';
export { ACTION_ITEM_LABEL, INCIDENT_LABEL, actionMarker, issueBody, issueTitle, readMarkers } from './issueText';
export { withItemIds } from './itemPatches';
