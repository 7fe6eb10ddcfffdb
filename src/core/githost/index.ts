export * from './types';
export { parseGitHubRemote, webHostForApiUrl, isGitHubDotCom, originUrl, recentRemoteCommits } from './remoteUrl';
export { GitHubClient, GitHubHttpError, GitHubAuthError, GitHubBackoffError, GitHubNetworkError, type FetchFn, type GitHubClientOptions } from './githubClient';
export { fetchCiFindings, FAILED_CHECK_CONCLUSIONS, FAILED_STATES, type CiFindingsOptions, type CiFindingsResult } from './ciFindings';
export { CiMonitor, describeFinding, type CiMonitorHost, type CiSettings, type RepoCiFinding } from './ciMonitor';
