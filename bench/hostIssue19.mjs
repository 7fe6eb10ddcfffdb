// The issue-19 rows host.mjs runs on its own small workspace: Show Insights and Scaffold
// Regression Test (with the panel open time on the same planted incident).
import { measureInsights } from './hostInsights.mjs';
import { measureScaffold, plantIncident } from './hostScaffold.mjs';

export async function measureIssue19Rows(page, url, dir, { runs = 5, log = () => undefined, timingFile } = {}) {
  const planted = plantIncident(dir, { file: 'src/price.js', title: 'Bench scaffold incident' });
  const scaffold = await measureScaffold(page, dir, planted, { runs, log, timingFile });
  const insights = await measureInsights(page, url, { runs, log, timingFile });
  return { scaffold, insights };
}
