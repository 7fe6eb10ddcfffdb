import * as vscode from 'vscode';
import type { InsightsPanelDeps } from './insightsPanel';
import { insightsModule } from './lazyPanel';
import { INSIGHTS_VIEW_TYPE, isPersistedInsightsState } from './protocol';

/**
 * Restores the Insights panel after a window reload (`onWebviewPanel:ownIt.insights`). Registered
 * on activation without loading the panel: its host is a bundle of its own (dist/insights.js),
 * required here only when there is a panel to restore.
 */
export function registerInsightsPanelSerializer(deps: InsightsPanelDeps): vscode.Disposable {
  return vscode.window.registerWebviewPanelSerializer(INSIGHTS_VIEW_TYPE, {
    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
      if (!isPersistedInsightsState(state) || !vscode.workspace.isTrusted) {
        panel.dispose();
        return;
      }
      insightsModule().InsightsPanel.revive(deps, panel, state.repoRoot);
    },
  });
}
