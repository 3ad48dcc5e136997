import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogRef, MatDialogTitle } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective } from '@jsverse/transloco';
import { authErrorKey } from '../../core/auth/auth-errors';
import { ProfileApi } from './profile-api';

/** Asks for the password and deletes the account; closes with `true` once deleted. */
@Component({
  selector: 'alm-delete-account-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogTitle,
    MatDialogContent,
    MatDialogActions,
    MatDialogClose,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
    MatButton,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h2 mat-dialog-title>{{ t('profile.delete.dialogTitle') }}</h2>
      <form [formGroup]="form" (ngSubmit)="confirm()" novalidate>
        <mat-dialog-content>
          <p>{{ t('profile.delete.dialogText') }}</p>
          <mat-form-field appearance="outline" class="field">
            <mat-label>{{ t('profile.delete.password') }}</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="current-password" required cdkFocusInitial />
            @if (form.controls.password.hasError('required')) {
              <mat-error>{{ t('profile.delete.passwordRequired') }}</mat-error>
            }
          </mat-form-field>
          <div role="alert" aria-atomic="true">
            @if (errorKey(); as key) {
              <p class="error" data-testid="delete-error">{{ t(key) }}</p>
            }
          </div>
        </mat-dialog-content>
        <mat-dialog-actions align="end">
          <button mat-button type="button" [mat-dialog-close]="false">{{ t('profile.delete.cancel') }}</button>
          <button mat-flat-button type="submit" class="danger" [attr.aria-disabled]="busy()">{{ t('profile.delete.confirm') }}</button>
        </mat-dialog-actions>
      </form>
    </ng-container>
  `,
  styles: `
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
    .danger {
      --mat-button-filled-container-color: var(--mat-sys-error);
      --mat-button-filled-label-text-color: var(--mat-sys-on-error);
    }
  `,
})
export class DeleteAccountDialog {
  readonly #api = inject(ProfileApi);
  readonly #ref = inject<MatDialogRef<DeleteAccountDialog, boolean>>(MatDialogRef);

  protected readonly form = inject(NonNullableFormBuilder).group({ password: ['', Validators.required] });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async confirm(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await this.#api.deleteAccount(this.form.getRawValue().password);
      this.#ref.close(true);
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
