import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { GROUP_TRANSITIONS, GroupState, WorkingGroupDetailDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { groupErrorKey } from './group-errors';
import { trimmedMinLength } from './group-form';
import { GroupsApi } from './groups-api';
import { DialogRequest } from '../../shared/dialog-request';

export interface StatusDialogData {
  group: WorkingGroupDetailDto;
}

/** Today as `YYYY-MM-DD` in local time. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The office moves a group to another state: only the moves GROUP_TRANSITIONS allows,
 * with a reason and the day it took effect. Closes with the updated group.
 */
@Component({
  selector: 'alm-group-status-dialog',
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
    MatHint,
    MatInput,
    MatSelect,
    MatOption,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('groups.status.title', { name: group.name }) }}</h2>
      <form novalidate [formGroup]="form" (ngSubmit)="submit()" data-testid="status-form">
        <mat-dialog-content>
          <p>{{ t('groups.status.current', { state: t('groupStates.' + group.state) }) }}</p>
          @if (moves.length === 0) {
            <p data-testid="status-none">{{ t('groups.status.none') }}</p>
          } @else {
            <mat-form-field class="field">
              <mat-label>{{ t('groups.status.to') }}</mat-label>
              <mat-select formControlName="to" required data-testid="status-to">
                @for (state of moves; track state) {
                  <mat-option [value]="state">{{ t('groupStates.' + state) }}</mat-option>
                }
              </mat-select>
              @if (form.controls.to.invalid) {
                <mat-error>{{ t('groups.status.toRequired') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>{{ t('groups.status.reason') }}</mat-label>
              <textarea matInput formControlName="reason" required rows="3" maxlength="1000" data-testid="status-reason"></textarea>
              <mat-hint>{{ t('groups.status.reasonHint') }}</mat-hint>
              @if (form.controls.reason.invalid) {
                <mat-error>{{ t('groups.status.reasonRequired') }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>{{ t('groups.status.effectiveOn') }}</mat-label>
              <input matInput type="date" formControlName="effectiveOn" required data-testid="status-date" />
              @if (form.controls.effectiveOn.invalid) {
                <mat-error>{{ t('groups.status.dateRequired') }}</mat-error>
              }
            </mat-form-field>
          }
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert" data-testid="status-error">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('groups.cancel') }}</button>
          @if (moves.length > 0) {
            <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="status-submit">
              {{ t('groups.status.submit') }}
            </button>
          }
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
})
export class StatusDialog {
  private readonly api = inject(GroupsApi);
  private readonly ref = inject<MatDialogRef<StatusDialog, WorkingGroupDetailDto>>(MatDialogRef);

  protected readonly group = inject<StatusDialogData>(MAT_DIALOG_DATA).group;
  /** Only the moves the lifecycle allows from the current state. */
  protected readonly moves: readonly GroupState[] = GROUP_TRANSITIONS[this.group.state];
  protected readonly form = inject(NonNullableFormBuilder).group({
    to: ['' as GroupState | '', Validators.required],
    reason: ['', [Validators.required, trimmedMinLength(3), Validators.maxLength(1000)]],
    effectiveOn: [today(), [Validators.required, Validators.pattern(/^\d{4}-\d{2}-\d{2}$/)]],
  });
  protected readonly submission = new DialogRequest(this.ref, groupErrorKey);

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { to, reason, effectiveOn } = this.form.getRawValue();
    this.submission.send(this.api.transition(this.group.id, { to: to as GroupState, reason: reason.trim(), effectiveOn }));
  }
}
