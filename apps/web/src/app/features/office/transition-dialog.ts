import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { MembershipDto, MembershipStatus } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { apiErrorKey } from '../../shared/api-error';
import { OFFICE_MOVES, OfficeApi, OfficeMember } from './office-api';
import { DialogRequest } from '../../shared/dialog-request';

/** At least `min` characters once surrounding blanks are dropped (the API trims). */
function trimmedMinLength(min: number): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    (control.value ?? '').trim().length >= min ? null : { trimmedMinLength: { min } };
}

/** Moves a membership to another status; a reason is required. Closes with the new membership. */
@Component({
  selector: 'alm-transition-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('office.transition.title', { name: person.displayName }) }}</h2>
      <form novalidate [formGroup]="form" (ngSubmit)="submit()" data-testid="transition-form">
        <mat-dialog-content>
          <p>
            {{ t('office.transition.current', { status: t('membership.statuses.' + person.membership.status) }) }}
          </p>
          @if (moves.length === 0) {
            <p data-testid="transition-none">{{ t('office.transition.none') }}</p>
          } @else {
            <mat-form-field class="field">
              <mat-label>{{ t('office.transition.to') }}</mat-label>
              <mat-select formControlName="to" required data-testid="transition-to">
                @for (status of moves; track status) {
                  <mat-option [value]="status">{{ t('membership.statuses.' + status) }}</mat-option>
                }
              </mat-select>
              @if (form.controls.to.invalid) {
                <mat-error>{{ t('office.transition.toRequired') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>{{ t('office.transition.reason') }}</mat-label>
              <textarea matInput formControlName="reason" required rows="3" maxlength="1000" data-testid="transition-reason"></textarea>
              @if (form.controls.reason.invalid) {
                <mat-error>{{ t('office.transition.reasonRequired') }}</mat-error>
              }
            </mat-form-field>
          }
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('office.cancel') }}</button>
          @if (moves.length > 0) {
            <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="transition-submit">
              {{ t('office.transition.submit') }}
            </button>
          }
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
})
export class TransitionDialog {
  private readonly api = inject(OfficeApi);
  private readonly ref = inject<MatDialogRef<TransitionDialog, MembershipDto>>(MatDialogRef);

  protected readonly person = inject<OfficeMember>(MAT_DIALOG_DATA);
  protected readonly moves = OFFICE_MOVES[this.person.membership.status];
  protected readonly form = inject(NonNullableFormBuilder).group({
    to: ['' as MembershipStatus | '', Validators.required],
    reason: ['', [Validators.required, trimmedMinLength(3), Validators.maxLength(1000)]],
  });
  protected readonly submission = new DialogRequest(this.ref, apiErrorKey);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { to, reason } = this.form.getRawValue();
    this.submission.send(this.api.transition(this.person.personId, { to: to as MembershipStatus, reason: reason.trim() }));
  }
}
