import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import type { CardDto, CardStage } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { boardErrorKey } from './board-errors';
import { BoardsApi } from './boards-api';
import { DialogRequest } from '../../shared/dialog-request';

export interface NewCardDialogData {
  boardId: string;
  stage: CardStage;
  /** The column's (translated) name. */
  stageLabel: string;
}

export const CARD_TITLE_MAX = 200;

/** Adds a card to a column with just its title; closes with the new card (its detail opens next). */
@Component({
  selector: 'alm-new-card-dialog',
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
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <form [formGroup]="form" (ngSubmit)="create()" data-testid="new-card-form">
        <h2 mat-dialog-title>{{ t('boards.newCard.title', { stage: data.stageLabel }) }}</h2>
        <mat-dialog-content>
          <mat-form-field class="field">
            <mat-label>{{ t('boards.fields.title') }}</mat-label>
            <input matInput formControlName="title" required [maxlength]="max" cdkFocusInitial data-testid="new-card-title" />
            @if (title.hasError('required')) {
              <mat-error>{{ t('boards.newCard.titleRequired') }}</mat-error>
            }
          </mat-form-field>
          @if (submission.errorKey(); as key) {
            <p class="error" role="alert" data-testid="new-card-error">{{ t(key) }}</p>
          }
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" mat-dialog-close>{{ t('boards.cancel') }}</button>
          <button mat-flat-button type="submit" [disabled]="submission.busy()" data-testid="new-card-submit">{{ t('boards.newCard.submit') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .field {
      width: 100%;
      padding-block-start: 0.5rem;
    }
  `,
})
export class NewCardDialog {
  private readonly api = inject(BoardsApi);
  private readonly ref = inject<MatDialogRef<NewCardDialog, CardDto>>(MatDialogRef);
  protected readonly data = inject<NewCardDialogData>(MAT_DIALOG_DATA);
  protected readonly max = CARD_TITLE_MAX;

  protected readonly title = new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(CARD_TITLE_MAX)] });
  protected readonly form = new FormGroup({ title: this.title });
  protected readonly submission = new DialogRequest(this.ref, boardErrorKey);

  protected create(): void {
    const title = this.title.value.trim();
    if (!title) {
      this.title.setValue('');
      this.title.markAsTouched();
      return;
    }
    this.submission.send(this.api.createCard(this.data.boardId, { title, stage: this.data.stage }));
  }
}
