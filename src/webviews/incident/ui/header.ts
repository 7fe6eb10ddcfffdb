import { INCIDENT_STATUSES, SEVERITIES, type IncidentStatus, type Severity } from '../../../core/incidents/model';
import { button, h } from './dom';
import { select, textInput, type Editor } from './editor';

const SEVERITY_LABELS: Record<Severity, string> = { sev1: 'SEV1 · critical', sev2: 'SEV2 · major', sev3: 'SEV3 · minor', sev4: 'SEV4 · low' };
const STATUS_LABELS: Record<IncidentStatus, string> = { open: 'Open', mitigated: 'Mitigated', resolved: 'Resolved' };

/**
 * Title, then severity, status, the file and the save state in one compact row. The status select
 * says the status; a second badge repeating it only crowded the row.
 */
export function renderHeader(editor: Editor, saveStatus: HTMLElement): HTMLElement {
  const i = editor.incident;
  const title = textInput('f-title', i.title, (v) => {
    i.title = v;
    editor.changed();
  }, { placeholder: 'Short name for what broke', 'aria-label': 'Incident title', class: 'title-input' });
  const severity = select('f-severity', SEVERITIES, i.severity, (v) => {
    i.severity = v;
    editor.changed(true);
  }, SEVERITY_LABELS);
  const status = select('f-status', INCIDENT_STATUSES, i.status, (v) => {
    i.status = v;
    if (v === 'resolved' && !i.resolved) i.resolved = new Date().toISOString();
    if (v !== 'resolved') delete i.resolved;
    editor.changed(true);
  }, STATUS_LABELS);
  return h(
    'header',
    { className: 'incident-header' },
    h('div', { className: 'title-row' }, title),
    h(
      'div',
      { className: 'meta-row' },
      h('label', { className: 'inline-field' }, h('span', {}, 'Severity'), severity),
      h('label', { className: 'inline-field' }, h('span', {}, 'Status'), status),
      h(
        'span',
        { className: 'file-ref' },
        h('span', { className: 'file-name', attrs: { title: editor.view.incidentPath } }, editor.view.relativePath),
        button('Open Markdown file', () => editor.send({ type: 'openIncidentFile' }), { icon: 'go-to-file', iconOnly: true }),
      ),
      saveStatus,
    ),
  );
}
