import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ResetPasswordRequest } from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { authErrorKey } from '../../core/auth/auth-errors';
import { PASSWORD_MIN_LENGTH, focusFirstInvalid, samePasswordValidator } from '../../core/auth/forms';

/** Opened from the reset mail (`/reset-password?token=…`): choose a new password. */
@Component({
  selector: 'alm-reset-password-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('auth.reset.heading') }}</h1>
      @if (!token()) {
        <div class="message message-error" role="alert" data-testid="reset-missing-token">
          <p>{{ t('auth.errors.invalidToken') }}</p>
        </div>
      } @else {
        <p class="intro">{{ t('auth.reset.intro') }}</p>
        <div role="alert" aria-atomic="true">
          @if (errorKey(); as key) {
            <div class="message message-error" data-testid="reset-error"><p>{{ t(key) }}</p></div>
          }
        </div>
        <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('auth.fields.newPassword') }}</mat-label>
            <input matInput formControlName="password" type="password" autocomplete="new-password" required />
            <mat-hint>{{ t('auth.validation.passwordHint', { min: minLength }) }}</mat-hint>
            @if (form.controls.password.hasError('required')) {
              <mat-error>{{ t('auth.validation.passwordRequired') }}</mat-error>
            } @else if (form.controls.password.hasError('minlength')) {
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
          @if (form.hasError('mismatch') && form.controls.confirm.touched) {
            <p class="message message-error" role="alert" data-testid="reset-mismatch">{{ t('auth.validation.mismatch') }}</p>
          }
          <div class="actions">
            <button mat-flat-button type="submit" [attr.aria-disabled]="busy()">{{ t('auth.reset.submit') }}</button>
          </div>
        </form>
      }
      <ul class="links">
        <li><a routerLink="/forgot-password">{{ t('auth.reset.requestNew') }}</a></li>
        <li><a routerLink="/login">{{ t('auth.forgot.backToLogin') }}</a></li>
      </ul>
    </ng-container>
  `,
  styleUrl: './auth-page.scss',
})
export class ResetPasswordPage {
  /** Query parameter from the mail link. */
  readonly token = input<string>();

  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly minLength = PASSWORD_MIN_LENGTH;
  protected readonly form = inject(NonNullableFormBuilder).group(
    {
      password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)]],
      confirm: ['', Validators.required],
    },
    { validators: samePasswordValidator('password', 'confirm') },
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
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      const body: ResetPasswordRequest = { token: this.token() ?? '', password: this.form.getRawValue().password };
      await firstValueFrom(this.#http.post<void>(`${this.#base}/api/auth/password/reset`, body));
      await this.#router.navigate(['/login'], { queryParams: { notice: 'passwordReset' } });
    } catch (error) {
      this.errorKey.set(authErrorKey(error, { VALIDATION_FAILED: 'auth.errors.invalidToken' }));
    } finally {
      this.busy.set(false);
    }
  }
}
