import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { MeetingDetailDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusFirstInvalid } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { formatBerlinDate } from './berlin-time';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';
import { DialogRequest } from '../../shared/dialog-request';

export interface CancelMeetingDialogData {
  meeting: MeetingDetailDto;
}

export const CANCEL_REASON_MAX = 1000;

const trimmedMin3 = (control: AbstractControl<string>): ValidationErrors | null =>
  (control.value ?? '').trim().length >= 3 ? null : { trimmedMinLength: { min: 3 } };

/**
 * Calls a meeting off: asks for the reason (it goes into the mail to everyone registered
 * or waiting, and onto the meeting's page) and for a confirmation. Closes with the
 * cancelled meeting; Esc or "Back" leave it as it is.
 */
@Component({
  selector: 'alm-cancel-meeting-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatError,
    MatFormField,
    MatHint,
    MatLabel,
    MatInput,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('meetings.cancelMeeting.title') }}</h2>
      <form novalidate [formGroup]="form" (ngSubmit)="submit()" data-testid="cancel-meeting-form">
        <mat-dialog-content>
          <p>{{ t('meetings.cancelMeeting.text', { title: meeting.title, date: date }) }}</p>
          <p data-testid="cancel-meeting-mailed">
            {{ t('meetings.cancelMeeting.mailed', { registered: meeting.registeredCount, waiting: meeting.waitlistCount }) }}
          </p>
          <mat-form-field class="field">
            <mat-label>{{ t('meetings.cancelMeeting.reason') }}</mat-label>
            <textarea matInput formControlName="reason" required rows="4" [maxlength]="max" data-testid="cancel-meeting-reason"></textarea>
            <mat-hint>{{ t('meetings.cancelMeeting.reasonHint') }}</mat-hint>
            @if (form.controls.reason.invalid) {
              <mat-error>{{ t('meetings.cancelMeeting.reasonRequired') }}</mat-error>
            }
          </mat-form-field>
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert" data-testid="cancel-meeting-error">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close data-testid="cancel-meeting-back">{{ t('meetings.cancelMeeting.back') }}</button>
          <button mat-flat-button type="submit" class="danger" [disabled]="submission.busy()" data-testid="cancel-meeting-confirm">
            {{ t('meetings.cancelMeeting.confirm') }}
          </button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class CancelMeetingDialog {
  private readonly api = inject(MeetingsApi);
  private readonly ref = inject<MatDialogRef<CancelMeetingDialog, MeetingDetailDto>>(MatDialogRef);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly meeting = inject<CancelMeetingDialogData>(MAT_DIALOG_DATA).meeting;
  protected readonly date = formatBerlinDate(this.meeting.startsAt, inject(LanguageService).current());
  protected readonly max = CANCEL_REASON_MAX;
  protected readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, trimmedMin3, Validators.maxLength(CANCEL_REASON_MAX)]],
  });
  protected readonly submission = new DialogRequest(this.ref, meetingErrorKey);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.host, this.injector);
      return;
    }
    this.submission.send(this.api.cancelMeeting(this.meeting.id, { reason: this.form.getRawValue().reason.trim() }));
  }
}
