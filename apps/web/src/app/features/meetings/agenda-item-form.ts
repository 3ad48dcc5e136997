import { ChangeDetectionStrategy, Component, ElementRef, Injector, effect, inject, input, output, untracked } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { AgendaItemDto, SaveAgendaItemRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusFirstInvalid } from '../../core/auth/forms';

/** One agenda item with its minutes (or a new one): title, presenter, duration, minutes. */
@Component({
  selector: 'alm-agenda-item-form',
  imports: [ReactiveFormsModule, MatButton, MatError, MatFormField, MatLabel, MatInput, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="item-form" novalidate [formGroup]="form" (ngSubmit)="submit()" *transloco="let t" data-testid="agenda-item-form">
      <div class="row">
        <mat-form-field class="wide">
          <mat-label>{{ t('meetings.agenda.title') }}</mat-label>
          <input matInput formControlName="title" required maxlength="300" data-testid="agenda-title" />
          @if (form.controls.title.invalid) {
            <mat-error>{{ t('meetings.agenda.titleRequired') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field>
          <mat-label>{{ t('meetings.agenda.presenter') }}</mat-label>
          <input matInput formControlName="presenter" maxlength="200" data-testid="agenda-presenter" />
        </mat-form-field>
        <mat-form-field class="narrow">
          <mat-label>{{ t('meetings.agenda.duration') }}</mat-label>
          <input matInput type="number" min="1" max="600" step="1" formControlName="durationMinutes" data-testid="agenda-duration" />
          @if (form.controls.durationMinutes.invalid) {
            <mat-error>{{ t('meetings.agenda.durationInvalid') }}</mat-error>
          }
        </mat-form-field>
      </div>
      @if (item()) {
        <mat-form-field>
          <mat-label>{{ t('meetings.agenda.minutes') }}</mat-label>
          <textarea matInput formControlName="minutes" rows="4" maxlength="20000" data-testid="agenda-minutes-input"></textarea>
        </mat-form-field>
      }
      <div class="actions">
        <button mat-flat-button type="submit" [disabled]="busy()" data-testid="agenda-save">
          @if (item(); as i) {
            {{ t('meetings.agenda.save') }}<span class="alm-visually-hidden">: {{ i.title }}</span>
          } @else {
            {{ t('meetings.agenda.add') }}
          }
        </button>
        @if (item(); as i) {
          <button mat-button type="button" [disabled]="busy()" (click)="removed.emit()" data-testid="agenda-remove">
            {{ t('meetings.agenda.remove') }}<span class="alm-visually-hidden">: {{ i.title }}</span>
          </button>
        }
      </div>
    </form>
  `,
  styles: `
    .item-form {
      display: grid;
      gap: 0.25rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .wide {
      flex: 2 1 18rem;
    }
    .row mat-form-field {
      flex: 1 1 12rem;
    }
    .row .narrow {
      flex: 0 1 9rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class AgendaItemForm {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  /** The item to edit; null to add one. */
  readonly item = input<AgendaItemDto | null>(null);
  readonly busy = input(false);

  readonly saved = output<SaveAgendaItemRequest>();
  readonly removed = output<void>();

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(300)]],
    presenter: ['', Validators.maxLength(200)],
    durationMinutes: new FormControl<number | null>(null, [Validators.min(1), Validators.max(600)]),
    minutes: ['', Validators.maxLength(20_000)],
  });

  constructor() {
    // a new copy of the same item (another item was saved) keeps what is being typed here
    let shown: string | null = null;
    effect(() => {
      const item = this.item();
      const key = JSON.stringify(item);
      if (key === shown) return;
      shown = key;
      untracked(() => this.reset(item));
    });
  }

  /** Back to the item's values (or empty for a new one). */
  reset(item: AgendaItemDto | null = this.item()): void {
    this.form.reset({
      title: item?.title ?? '',
      presenter: item?.presenter ?? '',
      durationMinutes: item?.durationMinutes ?? null,
      minutes: item?.minutes ?? '',
    });
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    const v = this.form.getRawValue();
    this.saved.emit({
      title: v.title.trim(),
      presenter: v.presenter.trim() || null,
      durationMinutes: v.durationMinutes ?? null,
      ...(this.item() ? { minutes: v.minutes.trim() || null } : {}),
    });
  }
}
