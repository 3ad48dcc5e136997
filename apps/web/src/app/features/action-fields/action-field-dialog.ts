import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { ActionFieldDto, SaveActionFieldRequest } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { groupErrorKey } from '../working-groups/group-errors';
import { trimmedMinLength } from '../working-groups/group-form';
import { ActionFieldsAdminApi } from './action-fields-admin-api';
import { DialogRequest } from '../../shared/dialog-request';

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const ICON_PATTERN = /^[a-z_]{2,40}$/;

/** The field to edit; null to add one. */
export interface ActionFieldDialogData {
  field: ActionFieldDto | null;
}

/** Adds or edits an action field in both languages. Closes with the saved field. */
@Component({
  selector: 'alm-action-field-dialog',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatHint,
    MatInput,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './action-field-dialog.html',
  styles: `
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
      gap: 0 1rem;
    }
    .color {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    .picker {
      width: 3rem;
      height: 2.5rem;
      padding: 0;
      border: 1px solid var(--mat-sys-outline);
      border-radius: var(--mat-sys-corner-small);
      background: none;
    }
  `,
})
export class ActionFieldDialog {
  private readonly api = inject(ActionFieldsAdminApi);
  private readonly ref = inject<MatDialogRef<ActionFieldDialog, ActionFieldDto>>(MatDialogRef);

  protected readonly field = inject<ActionFieldDialogData>(MAT_DIALOG_DATA).field;
  protected readonly form = inject(NonNullableFormBuilder).group({
    slug: [this.field?.slug ?? '', [Validators.required, Validators.pattern(SLUG_PATTERN), Validators.maxLength(60)]],
    nameDe: [this.field?.nameDe ?? '', [Validators.required, trimmedMinLength(2), Validators.maxLength(150)]],
    nameEn: [this.field?.nameEn ?? '', [Validators.required, trimmedMinLength(2), Validators.maxLength(150)]],
    descriptionDe: [this.field?.descriptionDe ?? '', Validators.maxLength(2000)],
    descriptionEn: [this.field?.descriptionEn ?? '', Validators.maxLength(2000)],
    color: [this.field?.color ?? '#006a6a', [Validators.required, Validators.pattern(COLOR_PATTERN)]],
    icon: [this.field?.icon ?? '', [Validators.required, Validators.pattern(ICON_PATTERN)]],
    position: [this.field?.position ?? (null as number | null), [Validators.min(1), Validators.max(1000)]],
    archived: [this.field?.archived ?? false],
  });
  protected readonly submission = new DialogRequest(this.ref, groupErrorKey);

  /** The native colour picker writes into the text field (which stays the labelled, validated control). */
  protected pickColor(event: Event): void {
    const control = this.form.controls.color;
    control.setValue((event.target as HTMLInputElement).value);
    control.markAsTouched();
  }

  protected pickerValue(): string {
    const value = this.form.controls.color.value;
    return COLOR_PATTERN.test(value) ? value.toLowerCase() : '#000000';
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const request: SaveActionFieldRequest = {
      slug: v.slug.trim(),
      nameDe: v.nameDe.trim(),
      nameEn: v.nameEn.trim(),
      descriptionDe: v.descriptionDe.trim(),
      descriptionEn: v.descriptionEn.trim(),
      color: v.color.toLowerCase(),
      icon: v.icon.trim(),
      archived: v.archived,
      ...(v.position !== null && `${v.position}` !== '' ? { position: Number(v.position) } : {}),
    };
    const save = this.field ? this.api.update(this.field.id, request) : this.api.create(request);
    this.submission.send(save);
  }
}
