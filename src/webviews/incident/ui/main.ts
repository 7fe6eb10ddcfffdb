import { mergeIncidents } from '../../../core/incidents/merge';
import type { Incident } from '../../../core/incidents/model';
import { HostChannel } from '../../shared/ui/hostChannel';
import type { ConflictChoice, DerivedView, HostNotification, IncidentViewState, PersistedWebviewState, RequestMap, StateReason, ToneSuggestion, UiCommand } from '../protocol';
import { renderActions } from './actionsView';
import { renderWhatBroke } from './culprits';
import { button, h, icon } from './dom';
import type { Editor } from './editor';
import { renderHeader } from './header';
import { renderLessons, renderProse } from './proseViews';
import { renderTeamUpdate, renderTone, teamUpdateText } from './teamUpdateView';
import { renderTimeline } from './timelineView';

const SAVE_DELAY_MS = 500;
const TONE_DELAY_MS = 250;

interface Conflict {
  message: string;
  theirs: Incident | undefined;
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * The incident panel UI. The host owns the file; this keeps a working copy, autosaves it after
 * a pause, and never drops the person's text: when the file changes under unsaved edits (a
 * scaffold's action item, the CLI, git) the change is merged into the working copy three ways
 * against the version the edits started from; a conflict banner is left only for a file that was
 * deleted or no longer parses.
 */
class IncidentApp implements Editor {
  private readonly root = document.getElementById('app') as HTMLElement;
  private readonly channel = new HostChannel<HostNotification, UiCommand, PersistedWebviewState, RequestMap>((m) => this.onMessage(m));
  private readonly saveStatus = h('span', { className: 'save-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  view!: IncidentViewState;
  incident!: Incident;
  private baseVersion = '';
  /** The incident at baseVersion: what the working copy's edits started from. */
  private baseIncident: Incident | undefined;
  /** Working copies sent to the host and not acknowledged yet, oldest first. */
  private inFlight: Incident[] = [];
  /** Bumped on every edit; an edit counts as saved when the host acknowledges this number. */
  private editSeq = 0;
  private sentSeq = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private toneTimer: ReturnType<typeof setTimeout> | undefined;
  private conflict: Conflict | undefined;
  private drawnOnce = false;

  /** Unsaved edits from before a window reload, applied once the file's state arrives. */
  private restored = this.channel.state?.draft;

  start(): void {
    this.channel.ready();
  }

  get dirty(): boolean {
    return this.editSeq > this.sentSeq || this.saveTimer !== undefined || this.awaitingAck || this.savePending || this.inFlight.length > 0;
  }

  private awaitingAck = false;
  /** A save came due while an edit was in flight; it is sent when the host answers that one. */
  private savePending = false;

  changed(rerender = false): void {
    this.editSeq++;
    this.persist();
    if (rerender) this.render();
    if (this.conflict) return;
    this.setStatus('Editing…', 'edit');
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), SAVE_DELAY_MS);
  }

  send: Editor['send'] = (command) => this.channel.send(command);

  private save(): void {
    this.saveTimer = undefined;
    if (this.conflict) return;
    // One edit in flight at a time. The next is sent with the version the host saved for this one:
    // sent earlier, it would name an older version than its own previous edit, and the host's
    // three-way merge would see two different texts of the same field (a conflict with ourselves).
    if (this.inFlight.length > 0) {
      this.savePending = true;
      return;
    }
    this.savePending = false;
    this.sentSeq = this.editSeq;
    this.awaitingAck = true;
    this.setStatus('Saving…', 'sync');
    this.inFlight.push(clone(this.incident));
    this.channel.send({ type: 'edit', incident: clone(this.incident), baseVersion: this.baseVersion });
  }

  private persist(): void {
    if (!this.view) return;
    const unsaved = this.editSeq > 0 && (this.dirty || this.conflict !== undefined);
    this.channel.state = {
      incidentPath: this.view.incidentPath,
      repoRoot: this.view.repoRoot,
      draft: unsaved ? { incident: this.incident, baseVersion: this.baseVersion, base: this.baseIncident } : undefined,
    };
  }

  private onMessage(m: HostNotification): void {
    switch (m.type) {
      case 'state':
        // User Timing marks of the first state (bench/hostFloor.mjs reads them): when it arrived, when it was drawn.
        if (!this.drawnOnce) performance.mark('own-it: first state received');
        this.onState(m.state, m.reason);
        if (!this.drawnOnce) performance.mark('own-it: first state drawn');
        this.drawnOnce = true;
        break;
      case 'saved':
        this.onSaved(m.version, m.derived, m.incident, m.conflicts);
        break;
      case 'facts':
        // The working copy is kept: only what git says changes.
        if (!this.view) break;
        this.view = { ...this.view, ...m.facts };
        this.render();
        break;
      case 'saveFailed':
        this.inFlight.shift();
        this.awaitingAck = false;
        this.savePending = false;
        this.setStatus(`Not saved: ${m.message}`, 'error');
        break;
      case 'conflict':
        this.inFlight.shift();
        this.awaitingAck = false;
        this.savePending = false;
        this.conflict = { message: m.message, theirs: m.theirs };
        this.setStatus('Not saved: the file changed on disk', 'warning');
        this.persist();
        this.render();
        break;
      case 'linkedTests':
        // Before the first state there is nothing to update; the state carries the tests' status.
        if (!this.view) break;
        if (JSON.stringify(m.linkedTests) === JSON.stringify(this.view.linkedTests ?? {})) break;
        this.view = { ...this.view, linkedTests: m.linkedTests };
        this.render();
        break;
      case 'copied':
        this.setStatus(m.format === 'markdown' ? 'Team update copied as Markdown' : 'Team update copied as plain text', 'copy');
        break;
    }
  }

  private onSaved(version: string, derived: DerivedView, merged: Incident | undefined, conflicts: string[] | undefined): void {
    const sent = this.inFlight.shift() ?? this.incident;
    this.baseVersion = version;
    this.baseIncident = clone(merged ?? sent);
    this.awaitingAck = false;
    this.view = { ...this.view, ...derived, version };
    if (merged) {
      // The file had changed elsewhere and the host merged: take the merge in, keeping whatever
      // was typed since the edit was sent.
      const typedSince = this.editSeq !== this.sentSeq;
      this.incident = typedSince ? mergeIncidents(sent, this.incident, merged).merged : clone(merged);
      this.view = { ...this.view, incident: clone(merged) };
    }
    if (conflicts?.length) this.setStatus(`Saved; also changed elsewhere: ${conflicts.join(', ')} (both texts are kept)`, 'warning');
    else if (this.editSeq === this.sentSeq) this.setStatus(merged ? 'Saved (merged with changes made elsewhere)' : 'Saved', 'check');
    this.persist();
    if (merged) this.render();
    else this.refreshDerived();
    if (this.savePending) this.save();
  }

  private onState(state: IncidentViewState, reason: StateReason): void {
    const hadEdits = this.view !== undefined && this.dirty;
    if (reason === 'external' && hadEdits && this.baseIncident) {
      // Unsaved edits and a file that changed elsewhere: merge the change into the working copy
      // (against the version the edits started from) and save the result.
      this.incident = mergeIncidents(this.baseIncident, this.incident, state.incident).merged;
      this.baseIncident = clone(state.incident);
      this.baseVersion = state.version;
      this.view = { ...state, incident: this.view.incident };
      this.changed(true);
      this.setStatus('Merged with changes made elsewhere', 'refresh');
      return;
    }
    this.view = state;
    this.incident = clone(state.incident);
    this.baseIncident = clone(state.incident);
    this.baseVersion = state.version;
    this.conflict = undefined;
    this.editSeq = 0;
    this.sentSeq = 0;
    this.awaitingAck = false;
    this.savePending = false;
    this.inFlight = [];
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.persist();
    if (this.restoreDraft(state)) return;
    this.render();
    this.setStatus(reason === 'external' ? 'Updated from the file on disk' : reason === 'resolved' ? 'Saved' : '', reason === 'external' ? 'refresh' : 'check');
    document.title = state.incident.title || 'Incident';
  }

  /**
   * After a reload the file is the truth and the draft holds what was not saved yet: the draft
   * wins if the file did not change meanwhile (it is saved now), else both are kept as a conflict.
   */
  private restoreDraft(state: IncidentViewState): boolean {
    const draft = this.restored;
    this.restored = undefined;
    if (!draft || JSON.stringify(draft.incident) === JSON.stringify(state.incident)) return false;
    this.incident = clone(draft.incident);
    if (draft.baseVersion === state.version) {
      this.changed(true);
      return true;
    }
    if (draft.base) {
      // The file moved on since the draft: merge the draft into it, as for any outside change.
      this.incident = mergeIncidents(draft.base, draft.incident, state.incident).merged;
      this.changed(true);
      return true;
    }
    this.editSeq = 1;
    this.conflict = { message: `${state.relativePath} changed on disk after your last unsaved edits. Your text is kept below.`, theirs: state.incident };
    this.setStatus('Not saved: the file changed on disk', 'warning');
    this.persist();
    this.render();
    return true;
  }

  private resolve(choice: ConflictChoice): void {
    if (choice !== 'showBoth') {
      this.conflict = undefined;
      this.sentSeq = this.editSeq;
      this.awaitingAck = true;
      this.setStatus(choice === 'keepMine' ? 'Saving your version…' : 'Loading the file’s version…', 'sync');
      this.render();
    }
    this.channel.send({ type: 'resolveConflict', choice, incident: clone(this.incident) });
  }

  private conflictBanner(c: Conflict): HTMLElement {
    return h(
      'div',
      { className: 'banner conflict', attrs: { role: 'alert' } },
      icon('warning'),
      h('div', { className: 'banner-body' }, h('p', {}, c.message), h('p', { className: 'muted' }, 'Nothing has been lost. Choose which version to keep.')),
      h(
        'div',
        { className: 'button-row' },
        button('Keep mine (overwrite)', () => this.resolve('keepMine'), { icon: 'save', variant: 'primary', id: 'conflict-keep' }),
        button('Use the file’s version', () => this.resolve('useTheirs'), { icon: 'discard', id: 'conflict-theirs' }),
        button('Show both (diff)', () => this.resolve('showBoth'), { icon: 'diff', id: 'conflict-diff' }),
      ),
    );
  }

  private setStatus(text: string, iconName: string): void {
    this.saveStatus.replaceChildren(...(text ? [icon(iconName), h('span', {}, ` ${text}`)] : []));
  }

  /** Controls in document order: how focus is found again on an element that has no id. */
  private focusables(): HTMLElement[] {
    return Array.from(this.root.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href]'));
  }

  /**
   * Re-renders everything, keeping the focused field and its caret where they were. A focused
   * control without an id (a file link, a remove button) is found again by its position, so a
   * keyboard user is not thrown back to the top when the host sends new data.
   */
  private render(): void {
    const active = document.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
    const focusId = active?.id;
    const focusIndex = active && !focusId ? this.focusables().indexOf(active) : -1;
    const selection = active && 'selectionStart' in active ? [active.selectionStart, active.selectionEnd] : undefined;
    this.root.replaceChildren(
      ...[
        this.conflict ? this.conflictBanner(this.conflict) : null,
        renderHeader(this, this.saveStatus),
        h(
          'div',
          { className: 'sections' },
          renderWhatBroke(this),
          renderTimeline(this),
          renderProse(this, 'impact'),
          renderProse(this, 'whatHappened'),
          renderProse(this, 'rootCause'),
          renderActions(this),
          renderLessons(this),
          renderTeamUpdate(this, this.view.teamUpdate, (text, box) => this.checkToneSoon(text, box), this.applySuggestion),
        ),
      ].filter((x): x is HTMLElement => x !== null),
    );
    this.root.setAttribute('aria-busy', 'false');
    if (focusId) {
      const el = document.getElementById(focusId) as HTMLInputElement | null;
      if (el) {
        el.focus();
        if (selection && typeof selection[0] === 'number' && 'setSelectionRange' in el) {
          try {
            el.setSelectionRange(selection[0], selection[1] ?? selection[0]);
          } catch {
            // Some input types (date, checkbox) have no caret.
          }
        }
      }
    } else if (focusIndex >= 0) {
      this.focusables()[focusIndex]?.focus();
    }
  }

  /** After a save: the timeline and team update draft are recomputed by the host. */
  private refreshDerived(): void {
    const focusInside = (id: string) => document.getElementById(id)?.contains(document.activeElement) ?? false;
    if (focusInside('team-update') || focusInside('timeline')) {
      const box = document.querySelector<HTMLElement>('#team-update .tone');
      if (box) renderTone(box, this.view.teamUpdate.tone, this.applySuggestion);
      return;
    }
    this.render();
  }

  /** One click on a suggestion: the host rewrites the text, which becomes the person's own update. */
  private readonly applySuggestion = (suggestion: ToneSuggestion): void => {
    clearTimeout(this.toneTimer);
    const text = teamUpdateText(this, this.view.teamUpdate);
    this.channel.request('applyToneSuggestion', { text, suggestion }).then(
      (result) => {
        this.incident.sections.teamUpdate = result.text;
        this.view = { ...this.view, teamUpdate: { ...this.view.teamUpdate, tone: result.tone } };
        this.changed(true);
      },
      (err: Error) => this.setStatus(err.message, 'warning'),
    );
  };

  private checkToneSoon(text: string, box: HTMLElement): void {
    clearTimeout(this.toneTimer);
    this.toneTimer = setTimeout(() => {
      this.channel.request('checkTone', { text }).then(
        (tone) => renderTone(box, tone, this.applySuggestion),
        () => renderTone(box, undefined),
      );
    }, TONE_DELAY_MS);
  }
}

new IncidentApp().start();
