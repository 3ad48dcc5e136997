import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { berlinToUtcIso, toBerlinInput } from '../meetings/berlin-time';
import { DiscussionApi } from './discussion-api';
import { DiscussionError, discussionError } from './discussion-errors';
import { trimmedMinLength } from './reason-dialog';

export interface MuteDialogData {
  groupId: string;
  person: { id: string; name: string };
}

/** How long a mute lasts unless the moderator chooses otherwise. */
const DEFAULT_DAYS = 7;

/**
 * Mutes a person in a working group (its threads, its meetings' and cards' threads)
 * until a time in Berlin, for a reason. Closes with true once the mute is stored.
 */
@Component({
  selector: 'alm-mute-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'discussion.dialogs'">
      <h2 mat-dialog-title>{{ t('mute.title', { name: data.person.name }) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <p>{{ t('mute.text', { name: data.person.name }) }}</p>
          <div class="when">
            <mat-form-field appearance="outline">
              <mat-label>{{ t('mute.untilDate') }}</mat-label>
              <input matInput type="date" formControlName="date" required data-testid="mute-date" />
              <mat-hint>{{ t('mute.timeZone') }}</mat-hint>
              @if (form.controls.date.invalid) {
                <mat-error>{{ t('mute.dateRequired') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field appearance="outline">
              <mat-label>{{ t('mute.untilTime') }}</mat-label>
              <input matInput type="time" formControlName="time" required data-testid="mute-time" />
              @if (form.controls.time.invalid) {
                <mat-error>{{ t('mute.timeRequired') }}</mat-error>
              }
            </mat-form-field>
          </div>
          <mat-form-field appearance="outline" class="field">
            <mat-label>{{ t('reason') }}</mat-label>
            <textarea matInput formControlName="reason" rows="3" maxlength="1000" required data-testid="mute-reason"></textarea>
            @if (form.controls.reason.invalid && form.controls.reason.touched) {
              <mat-error>{{ t('reasonRequired') }}</mat-error>
            } @else {
              <mat-hint>{{ t('reasonHint') }}</mat-hint>
            }
          </mat-form-field>
          <div role="alert">
            @if (error(); as e) {
              <p class="error" data-testid="mute-error">{{ t(e.key, e.params) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="busy()" data-testid="mute-confirm">{{ t('mute.confirm') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .when {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class MuteDialog {
  protected readonly data = inject<MuteDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MuteDialog, boolean>>(MatDialogRef);
  private readonly api = inject(DiscussionApi);

  private readonly initial = toBerlinInput(new Date(Date.now() + DEFAULT_DAYS * 86_400_000).toISOString());
  protected readonly form = inject(NonNullableFormBuilder).group({
    date: [this.initial.date, Validators.required],
    time: [this.initial.time, Validators.required],
    reason: ['', trimmedMinLength(3)],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<DiscussionError | null>(null);

  protected submit(): void {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { date, time, reason } = this.form.getRawValue();
    const until = berlinToUtcIso(date, time);
    if (!until || Date.parse(until) <= Date.now()) {
      this.error.set({ key: 'discussion.dialogs.mute.future', params: {} });
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.mute(this.data.groupId, { personId: this.data.person.id, until, reason: reason.trim() }).subscribe({
      next: () => this.ref.close(true),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(discussionError(error));
      },
    });
  }
}
