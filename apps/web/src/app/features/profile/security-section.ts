import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { authErrorKey } from '../../core/auth/auth-errors';
import { PASSWORD_MIN_LENGTH, focusFirstInvalid, samePasswordValidator } from '../../core/auth/forms';
import { ProfileApi } from './profile-api';

/** Change the password; the API ends every session, so the person signs in again. */
@Component({
  selector: 'alm-security-section',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatHint, MatError, MatInput, MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="security-heading" *transloco="let t">
      <h2 class="section-heading" id="security-heading">{{ t('profile.security.heading') }}</h2>
      <p class="section-intro">{{ t('profile.security.intro') }}</p>
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
        <!-- lets password managers know whose password this is -->
        <input hidden type="email" autocomplete="username" [value]="email()" readonly />
        <mat-form-field appearance="outline">
          <mat-label>{{ t('auth.fields.currentPassword') }}</mat-label>
          <input matInput formControlName="currentPassword" type="password" autocomplete="current-password" required />
          @if (form.controls.currentPassword.hasError('required')) {
            <mat-error>{{ t('auth.validation.passwordRequired') }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('auth.fields.newPassword') }}</mat-label>
          <input matInput formControlName="newPassword" type="password" autocomplete="new-password" required />
          <mat-hint>{{ t('auth.validation.passwordHint', { min: minLength }) }}</mat-hint>
          @if (form.controls.newPassword.hasError('required')) {
            <mat-error>{{ t('auth.validation.passwordRequired') }}</mat-error>
          } @else if (form.controls.newPassword.hasError('minlength')) {
            <mat-error>{{ t('auth.validation.passwordMin', { min: minLength }) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>{{ t('auth.fields.confirmPassword') }}</mat-label>
          <input matInput formControlName="confirm" type="password" autocomplete="new-password" required />
          @if (form.controls.confirm.hasError('required')) {
            <mat-error>{{ t('auth.validation.confirmRequired') }}</mat-error>
          }
        </mat-form-field>
        <div role="alert" aria-atomic="true">
          @if (form.hasError('mismatch') && form.controls.confirm.touched) {
            <p class="message message-error">{{ t('auth.validation.mismatch') }}</p>
          }
          @if (errorKey(); as key) {
            <p class="message message-error" data-testid="password-error">{{ t(key) }}</p>
          }
        </div>
        <div class="actions">
          <button mat-stroked-button type="submit" [attr.aria-disabled]="busy()">{{ t('profile.security.submit') }}</button>
        </div>
      </form>
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
})
export class SecuritySection {
  readonly #auth = inject(AuthStore);
  readonly #api = inject(ProfileApi);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly email = () => this.#auth.me()?.email ?? '';
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)]],
      confirm: ['', Validators.required],
    },
    { validators: samePasswordValidator('newPassword', 'confirm') },
  );
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.#host, this.#injector);
      return;
    }
    const { currentPassword, newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await this.#api.changePassword({ currentPassword, newPassword });
      // Every session has ended: forget this one and sign in again.
      this.#auth.clear();
      await this.#router.navigate(['/login'], { queryParams: { notice: 'passwordChanged' } });
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
