import { lazy } from '../../services/lazyBundles';
import type * as Insights from './insightsPanel';

/**
 * The Insights panel's host (with its view model and export) is a bundle of its own
 * (dist/insights.js), required on Show Insights or when a panel is restored after a reload.
 */
export const insightsModule = lazy<typeof Insights>('insights.js', '../webviews/insights/insightsPanel');
