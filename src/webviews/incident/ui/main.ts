import type { Incident } from '../../../core/incidents/model';
import type { ConflictChoice, HostMessage, IncidentViewState, ReplyMessage, StateReason, ToneSuggestion } from '../protocol';
import { renderActions } from './actionsView';
import { renderWhatBroke } from './culprits';
import { button, h, icon } from './dom';
import type { Editor } from './editor';
import { renderHeader } from './header';
import { HostChannel } from './ipc';
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
 * a pause, and never drops the person's text: when the file changes under unsaved edits it shows
 * the conflict and waits for a choice.
 */
class IncidentApp implements Editor {
  private readonly root = document.getElementById('app') as HTMLElement;
  private readonly channel = new HostChannel((m) => this.onMessage(m));
  private readonly saveStatus = h('span', { className: 'save-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  view!: IncidentViewState;
  incident!: Incident;
  private baseVersion = '';
  /** Bumped on every edit; an edit counts as saved when the host acknowledges this number. */
  private editSeq = 0;
  private sentSeq = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private toneTimer: ReturnType<typeof setTimeout> | undefined;
  private conflict: Conflict | undefined;

  /** Unsaved edits from before a window reload, applied once the file's state arrives. */
  private restored = this.channel.state?.draft;

  start(): void {
    this.channel.send({ type: 'ready' });
  }

  get dirty(): boolean {
    return this.editSeq > this.sentSeq || this.saveTimer !== undefined || this.awaitingAck;
  }

  private awaitingAck = false;

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
    this.sentSeq = this.editSeq;
    this.awaitingAck = true;
    this.setStatus('Saving…', 'sync');
    this.channel.send({ type: 'edit', incident: clone(this.incident), baseVersion: this.baseVersion });
  }

  private persist(): void {
    if (!this.view) return;
    const unsaved = this.editSeq > 0 && (this.dirty || this.conflict !== undefined);
    this.channel.state = {
      incidentPath: this.view.incidentPath,
      repoRoot: this.view.repoRoot,
      draft: unsaved ? { incident: this.incident, baseVersion: this.baseVersion } : undefined,
    };
  }

  private onMessage(m: Exclude<HostMessage, ReplyMessage>): void {
    switch (m.type) {
      case 'state':
        this.onState(m.state, m.reason);
        break;
      case 'saved':
        this.baseVersion = m.version;
        this.awaitingAck = false;
        this.view = { ...this.view, ...m.derived, version: m.version };
        if (this.editSeq === this.sentSeq) this.setStatus('Saved', 'check');
        this.persist();
        this.refreshDerived();
        break;
      case 'saveFailed':
        this.awaitingAck = false;
        this.setStatus(`Not saved: ${m.message}`, 'error');
        break;
      case 'conflict':
        this.awaitingAck = false;
        this.conflict = { message: m.message, theirs: m.theirs };
        this.setStatus('Not saved: the file changed on disk', 'warning');
        this.persist();
        this.render();
        break;
      case 'linkedTests':
        if (JSON.stringify(m.linkedTests) === JSON.stringify(this.view.linkedTests ?? {})) break;
        this.view = { ...this.view, linkedTests: m.linkedTests };
        this.render();
        break;
      case 'copied':
        this.setStatus(m.format === 'markdown' ? 'Team update copied as Markdown' : 'Team update copied as plain text', 'copy');
        break;
    }
  }

  private onState(state: IncidentViewState, reason: StateReason): void {
    const hadEdits = this.view !== undefined && this.dirty;
    if (reason === 'external' && hadEdits) {
      // Keep the person's text; show what the file says now and let them choose.
      this.conflict = { message: `${state.relativePath} changed on disk while you had unsaved edits. Your text is kept below.`, theirs: state.incident };
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      this.view = { ...state, incident: this.view.incident };
      this.setStatus('Not saved: the file changed on disk', 'warning');
      this.persist();
      this.render();
      return;
    }
    this.view = state;
    this.incident = clone(state.incident);
    this.baseVersion = state.version;
    this.conflict = undefined;
    this.editSeq = 0;
    this.sentSeq = 0;
    this.awaitingAck = false;
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
