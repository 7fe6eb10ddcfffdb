/** Every command Own It contributes. A unit test keeps this list equal to package.json. */
export const COMMAND_IDS = [
  'ownIt.openIncidentForCommit',
  'ownIt.newIncident',
  'ownIt.scanHistory',
  'ownIt.deepScan',
  'ownIt.copyTeamUpdate',
  'ownIt.markResolved',
  'ownIt.openIncidentsFolder',
  'ownIt.refresh',
  'ownIt.openIncident',
  'ownIt.createIncidentFromRevert',
  'ownIt.openIncidentForScmCommit',
  'ownIt.scaffoldRegressionTest',
  'ownIt.addChecklistItem',
  'ownIt.showInsights',
  'ownIt.exportInsights',
  'ownIt.openIncidentForDeploy',
  'ownIt.syncActionItemIssues',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
