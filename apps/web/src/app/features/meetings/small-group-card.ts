import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { SmallGroupDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../../core/i18n/language-service';
import { formatBerlinDateTime } from './berlin-time';

export const SMALL_GROUP_NAME_MAX = 100;
export const SMALL_GROUP_NOTE_MAX = 20_000;

/**
 * Text typed into a field that the server may change meanwhile: follows the server's
 * value until someone types, then keeps what was typed (until the server has it too).
 */
function draft(server: () => string) {
  return linkedSignal<string, string>({
    source: server,
    computation: (value, previous) => (previous && previous.value !== previous.source ? previous.value : value),
  });
}

/**
 * One small group (Kleingruppe): its members and shared note. Whoever runs the meeting
 * may rename or delete it; the note is edited by them and the group's members. Emits
 * the changes; the parent saves them.
 */
@Component({
  selector: 'alm-small-group-card',
  imports: [MatButton, MatFormField, MatHint, MatLabel, MatInput, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <article class="card" [attr.aria-labelledby]="'small-group-' + group().id" data-testid="small-group" *transloco="let t">
      <h3 class="card-heading" [id]="'small-group-' + group().id" data-testid="small-group-name">{{ group().name }}</h3>

      @if (canRename()) {
        <form class="inline" novalidate (submit)="$event.preventDefault(); rename()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('meetings.smallGroups.name') }}</mat-label>
            <input
              matInput
              required
              [attr.maxlength]="nameMax"
              [value]="name()"
              (input)="name.set(value($event))"
              data-testid="small-group-name-input"
            />
          </mat-form-field>
          <button mat-stroked-button type="submit" [disabled]="busy()" data-testid="small-group-rename">
            {{ t('meetings.smallGroups.rename') }}<span class="alm-visually-hidden">: {{ group().name }}</span>
          </button>
          <button mat-button type="button" [disabled]="busy()" (click)="removed.emit()" data-testid="small-group-remove">
            {{ t('meetings.smallGroups.remove') }}<span class="alm-visually-hidden">: {{ group().name }}</span>
          </button>
        </form>
      }

      <h4 class="sub">{{ t('meetings.smallGroups.members', { count: group().members.length }) }}</h4>
      @if (group().members.length === 0) {
        <p class="meta" data-testid="small-group-no-members">{{ t('meetings.smallGroups.noMembers') }}</p>
      } @else {
        <ul class="members" data-testid="small-group-members">
          @for (member of group().members; track member.registrationId) {
            <li>{{ member.name }}</li>
          }
        </ul>
      }

      <h4 class="sub">{{ t('meetings.smallGroups.note') }}</h4>
      @if (group().canEditNote) {
        <form class="note" novalidate (submit)="$event.preventDefault(); saveNote()">
          <mat-form-field subscriptSizing="dynamic">
            <mat-label>{{ t('meetings.smallGroups.noteLabel', { name: group().name }) }}</mat-label>
            <textarea
              matInput
              rows="5"
              [attr.maxlength]="noteMax"
              [value]="note()"
              (input)="note.set(value($event))"
              data-testid="small-group-note"
            ></textarea>
            @if (updatedAt(); as at) {
              <mat-hint data-testid="small-group-note-updated">{{ t('meetings.smallGroups.noteUpdated', { time: at }) }}</mat-hint>
            }
          </mat-form-field>
          <div>
            <button mat-flat-button type="submit" [disabled]="busy()" data-testid="small-group-note-save">
              {{ t('meetings.smallGroups.saveNote') }}<span class="alm-visually-hidden">: {{ group().name }}</span>
            </button>
          </div>
        </form>
      } @else {
        <p class="text" data-testid="small-group-note-text">{{ group().note || t('meetings.smallGroups.noNote') }}</p>
      }
    </article>
  `,
  styles: `
    .card {
      padding: 0.75rem 1rem;
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-medium);
    }
    .card-heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-medium);
    }
    .sub {
      margin: 0.75rem 0 0.25rem;
      font: var(--mat-sys-title-small);
    }
    .inline {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .members {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    .note {
      display: grid;
      gap: 0.5rem;
    }
    .meta {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .text {
      margin: 0;
      white-space: pre-line;
    }
  `,
})
export class SmallGroupCard {
  protected readonly lang = inject(LanguageService).current;

  readonly group = input.required<SmallGroupDto>();
  /** Who runs the meeting: may rename and delete. */
  readonly canRename = input(false);
  readonly busy = input(false);

  readonly renamed = output<string>();
  readonly removed = output<void>();
  readonly noteSaved = output<string>();

  protected readonly nameMax = SMALL_GROUP_NAME_MAX;
  protected readonly noteMax = SMALL_GROUP_NOTE_MAX;
  protected readonly name = draft(() => this.group().name);
  protected readonly note = draft(() => this.group().note);
  protected readonly updatedAt = computed(() => {
    const at = this.group().noteUpdatedAt;
    return at ? formatBerlinDateTime(at, this.lang()) : null;
  });

  protected value(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected rename(): void {
    this.renamed.emit(this.name().trim());
  }

  protected saveNote(): void {
    this.noteSaved.emit(this.note());
  }
}
