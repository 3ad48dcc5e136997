import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { ForgotPasswordRequest } from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { authErrorKey } from '../../core/auth/auth-errors';
import { focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';

/** Ask for a password-reset link by mail (the answer is the same for unknown addresses). */
@Component({
  selector: 'alm-forgot-password-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, MatButton, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('auth.forgot.heading') }}</h1>
      @if (sent()) {
        <div class="message message-success" role="status" tabindex="-1" data-testid="forgot-success">
          <p>{{ t('auth.forgot.success') }}</p>
        </div>
      } @else {
        <p class="intro">{{ t('auth.forgot.intro') }}</p>
        <div role="alert" aria-atomic="true">
          @if (errorKey(); as key) {
            <div class="message message-error"><p>{{ t(key) }}</p></div>
          }
        </div>
        <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
          <mat-form-field appearance="outline">
            <mat-label>{{ t('auth.fields.email') }}</mat-label>
            <input matInput formControlName="email" type="email" autocomplete="email" inputmode="email" required />
            @if (form.controls.email.hasError('required')) {
              <mat-error>{{ t('auth.validation.emailRequired') }}</mat-error>
            } @else if (form.controls.email.hasError('email')) {
              <mat-error>{{ t('auth.validation.email') }}</mat-error>
            }
          </mat-form-field>
          <div class="actions">
            <button mat-flat-button type="submit" [attr.aria-disabled]="busy()">{{ t('auth.forgot.submit') }}</button>
          </div>
        </form>
      }
      <ul class="links">
        <li><a routerLink="/login">{{ t('auth.forgot.backToLogin') }}</a></li>
      </ul>
    </ng-container>
  `,
  styleUrl: './auth-page.scss',
})
export class ForgotPasswordPage {
  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
  });
  protected readonly busy = signal(false);
  protected readonly sent = signal(false);
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
      const body: ForgotPasswordRequest = { email: this.form.getRawValue().email.trim() };
      await firstValueFrom(this.#http.post(`${this.#base}/api/auth/password/forgot`, body));
      this.sent.set(true);
      focusAfterRender(this.#host, '[data-testid="forgot-success"]', this.#injector);
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
