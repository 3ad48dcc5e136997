import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { Observable } from 'rxjs';

/** At least `min` characters besides surrounding white space (as the API counts them). */
export function trimmedMinLength(min: number): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null =>
    String(control.value ?? '').trim().length >= min ? null : { required: true };
}

/** What the dialog asks: translation keys and their parameters. */
export interface ReasonDialogData {
  /** `discussion.dialogs.<kind>.*`: title, text, label, confirm. */
  kind: 'report' | 'hide' | 'unhide' | 'lock' | 'unlock';
  params?: Record<string, string>;
  /** A reason must be given (at least 3 characters). */
  required: boolean;
}

/**
 * Asks for a reason before a moderation step (or a report). Closes with the reason
 * ('' when optional and left empty), or undefined when cancelled.
 */
@Component({
  selector: 'alm-reason-dialog',
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
      <h2 mat-dialog-title>{{ t(data.kind + '.title', data.params ?? {}) }}</h2>
      <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <mat-dialog-content>
          <p>{{ t(data.kind + '.text', data.params ?? {}) }}</p>
          <mat-form-field appearance="outline" class="field">
            <mat-label>{{ t(data.required ? 'reason' : 'reasonOptional') }}</mat-label>
            <textarea matInput formControlName="reason" rows="3" maxlength="1000" [required]="data.required" data-testid="reason-input"></textarea>
            @if (form.controls.reason.invalid && form.controls.reason.touched) {
              <mat-error>{{ t('reasonRequired') }}</mat-error>
            } @else {
              <mat-hint>{{ t('reasonHint') }}</mat-hint>
            }
          </mat-form-field>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="undefined">{{ t('cancel') }}</button>
          <button mat-flat-button type="submit" data-testid="reason-confirm">{{ t(data.kind + '.confirm') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
})
export class ReasonDialog {
  protected readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReasonDialog, string>>(MatDialogRef);
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', this.data.required ? [trimmedMinLength(3)] : []],
  });

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.ref.close(this.form.controls.reason.value.trim());
  }
}

/** Opens the dialog; emits the reason once it is confirmed (nothing when cancelled). */
export function askReason(dialog: MatDialog, data: ReasonDialogData): Observable<string | undefined> {
  return dialog.open<ReasonDialog, ReasonDialogData, string>(ReasonDialog, { data, width: '32rem', maxWidth: '95vw' }).afterClosed();
}
