import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { CARD_STAGES, type BoardDto, type CardStage, type SaveColumnLabelsRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { boardErrorKey } from './board-errors';
import { BoardsApi } from './boards-api';
import { DialogRequest } from '../../shared/dialog-request';

export interface ColumnLabelsDialogData {
  board: BoardDto;
  /** The translated default name of each stage. */
  defaults: Record<CardStage, string>;
}

export const COLUMN_LABEL_MAX = 60;

/** Editors rename the board's columns; an empty name restores the default. Closes with the saved board. */
@Component({
  selector: 'alm-column-labels-dialog',
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
    MatInput,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <form [formGroup]="form" (ngSubmit)="save()" data-testid="column-labels-form">
        <h2 mat-dialog-title>{{ t('boards.columns.title') }}</h2>
        <mat-dialog-content>
          <p class="intro">{{ t('boards.columns.intro') }}</p>
          @for (stage of stages; track stage) {
            <mat-form-field class="field">
              <mat-label>{{ t('boards.columns.labelFor', { stage: data.defaults[stage] }) }}</mat-label>
              <input matInput [formControlName]="stage" [maxlength]="max" [placeholder]="data.defaults[stage]" [attr.data-testid]="'column-label-' + stage" />
              <mat-hint>{{ t('boards.columns.hint', { stage: data.defaults[stage] }) }}</mat-hint>
            </mat-form-field>
          }
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('boards.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="column-labels-save">{{ t('boards.save') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .intro {
      margin-block-start: 0.5rem;
    }
  `,
})
export class ColumnLabelsDialog {
  private readonly api = inject(BoardsApi);
  private readonly ref = inject<MatDialogRef<ColumnLabelsDialog, BoardDto>>(MatDialogRef);
  protected readonly data = inject<ColumnLabelsDialogData>(MAT_DIALOG_DATA);
  protected readonly stages = CARD_STAGES;
  protected readonly max = COLUMN_LABEL_MAX;

  protected readonly form = new FormGroup(
    Object.fromEntries(
      CARD_STAGES.map((stage) => [
        stage,
        new FormControl(this.data.board.columns.find((c) => c.stage === stage)?.label ?? '', {
          nonNullable: true,
          validators: [Validators.maxLength(COLUMN_LABEL_MAX)],
        }),
      ]),
    ) as Record<CardStage, FormControl<string>>,
  );
  protected readonly submission = new DialogRequest(this.ref, boardErrorKey);

  protected save(): void {
    if (this.form.invalid) return;
    const values = this.form.getRawValue();
    const request: SaveColumnLabelsRequest = {
      labels: Object.fromEntries(CARD_STAGES.map((s) => [s, values[s].trim() || null])),
    };
    this.submission.send(this.api.saveColumns(this.data.board.id, request));
  }
}
