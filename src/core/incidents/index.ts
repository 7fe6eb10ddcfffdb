/** Public surface of the incident store, for the extension and the CLI. */
export * from './model';
export { IncidentConflictError, IncidentFileError, type IncidentProblem, type OnDiskVersion } from './errors';
export { emptySections, newIncident, type IncidentDraft, newIncidentId, parseIncident, serializeIncident } from './incidentFile';
export { formatTimestamp, renderActions, renderTimeline, timelineEntries } from './generatedSections';
export { contentVersion, DEFAULT_INCIDENTS_FOLDER, INCIDENT_FILE_PATTERN, IncidentStore, type ListedIncident, type SavedIncident, type StoredIncident } from './incidentStore';
export { isWindowsReservedName, MAX_SLUG_LENGTH, slugify } from './slug';
export { UnsafeFolderError } from '../fs/safeFolder';
export { BOTH_KEPT_MARKER, mergeIncidents, type MergeConflict, type MergeResult } from './merge';
export { ListingCache } from './listingCache';
export { decodeListingSnapshot, encodeListingSnapshot, listingSnapshotPath, readListingSnapshot, writeListingSnapshot, type SnapshotEntry, type SnapshotOwner } from './listingSnapshot';
