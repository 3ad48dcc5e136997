import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import type { SaveStrategicGoalRequest, StrategicGoalDto, StrategyDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { boardErrorKey } from './board-errors';
import { BoardsApi } from './boards-api';
import { DialogRequest } from '../../shared/dialog-request';

export interface StrategicGoalDialogData {
  /** Null: a new goal. */
  goal: StrategicGoalDto | null;
  /** The Leitziele to choose from (number and text in the UI language). */
  leitziele: { number: number; name: string }[];
  /** Preselected Leitziel for a new goal. */
  goalNumber: number | null;
  actionFields: { id: string; name: string }[];
}

export const GOAL_TITLE_MAX = 200;

/** The office adds or edits a strategic goal under a Leitziel; closes with the updated strategy. */
@Component({
  selector: 'alm-strategic-goal-dialog',
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
      <form [formGroup]="form" (ngSubmit)="save()" data-testid="goal-form">
        <h2 mat-dialog-title>{{ t(data.goal ? 'strategy.dialog.editTitle' : 'strategy.dialog.newTitle') }}</h2>
        <mat-dialog-content class="content">
          <mat-form-field class="field">
            <mat-label>{{ t('strategy.dialog.leitziel') }}</mat-label>
            <mat-select formControlName="goalNumber" required data-testid="goal-number">
              @for (l of data.leitziele; track l.number) {
                <mat-option [value]="l.number">{{ t('strategy.goalLabel', { number: l.number, name: l.name }) }}</mat-option>
              }
            </mat-select>
            @if (form.controls.goalNumber.hasError('required')) {
              <mat-error>{{ t('strategy.dialog.leitzielRequired') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="field">
            <mat-label>{{ t('strategy.dialog.title') }}</mat-label>
            <input matInput formControlName="title" required [maxlength]="max" data-testid="goal-title" />
            @if (form.controls.title.hasError('required')) {
              <mat-error>{{ t('strategy.dialog.titleRequired') }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field class="field">
            <mat-label>{{ t('strategy.dialog.description') }}</mat-label>
            <textarea matInput formControlName="description" rows="4" maxlength="2000" data-testid="goal-description"></textarea>
          </mat-form-field>
          <mat-form-field class="field">
            <mat-label>{{ t('strategy.dialog.actionField') }}</mat-label>
            <mat-select formControlName="actionFieldId" data-testid="goal-action-field">
              <mat-option [value]="null">{{ t('boards.detail.none') }}</mat-option>
              @for (f of data.actionFields; track f.id) {
                <mat-option [value]="f.id">{{ f.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert" data-testid="goal-error">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('boards.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="goal-save">{{ t('boards.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .content {
      padding-block-start: 0.5rem;
    }
  `,
})
export class StrategicGoalDialog {
  private readonly api = inject(BoardsApi);
  private readonly ref = inject<MatDialogRef<StrategicGoalDialog, StrategyDto>>(MatDialogRef);
  protected readonly data = inject<StrategicGoalDialogData>(MAT_DIALOG_DATA);
  protected readonly max = GOAL_TITLE_MAX;

  protected readonly form = new FormGroup({
    goalNumber: new FormControl<number | null>(this.data.goal?.goalNumber ?? this.data.goalNumber, Validators.required),
    title: new FormControl(this.data.goal?.title ?? '', { nonNullable: true, validators: [Validators.required, Validators.maxLength(GOAL_TITLE_MAX)] }),
    description: new FormControl(this.data.goal?.description ?? '', { nonNullable: true }),
    actionFieldId: new FormControl<string | null>(this.data.goal?.actionFieldId ?? null),
  });
  protected readonly submission = new DialogRequest(this.ref, boardErrorKey);

  protected save(): void {
    const value = this.form.getRawValue();
    if (!value.title.trim()) this.form.controls.title.setValue('');
    if (this.form.invalid || value.goalNumber === null) {
      this.form.markAllAsTouched();
      return;
    }
    const request: SaveStrategicGoalRequest = {
      goalNumber: value.goalNumber,
      title: value.title.trim(),
      description: value.description.trim(),
      actionFieldId: value.actionFieldId,
    };
    const goal = this.data.goal;
    this.submission.send(goal ? this.api.updateGoal(goal.id, { ...request, position: goal.position }) : this.api.createGoal(request));
  }
}
