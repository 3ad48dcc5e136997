import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { Locale, RegisterRequest } from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { LANGUAGES, LANGUAGE_NAMES } from '../../core/i18n/language';
import { LanguageService } from '../../core/i18n/language-service';
import { authErrorKey } from '../../core/auth/auth-errors';
import { PASSWORD_MIN_LENGTH, focusAfterRender, focusFirstInvalid } from '../../core/auth/forms';

/** Create an account; the API mails a verification link. */
@Component({
  selector: 'alm-register-page',
  imports: [
    ReactiveFormsModule,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatSelect,
    MatOption,
    MatButton,
    RouterLink,
    TranslocoDirective,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './register-page.html',
  styleUrl: './auth-page.scss',
})
export class RegisterPage {
  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly languages = LANGUAGES;
  protected readonly languageNames = LANGUAGE_NAMES;
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(120)]],
    email: ['', [Validators.required, Validators.email, Validators.maxLength(254)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(200)]],
    locale: [inject(LanguageService).current() as Locale, Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);
  /** The address the verification mail went to, once registered. */
  protected readonly sentTo = signal<string | null>(null);

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.#host, this.#injector);
      return;
    }
    const value = this.form.getRawValue();
    const body: RegisterRequest = {
      displayName: value.displayName.trim(),
      email: value.email.trim(),
      password: value.password,
      locale: value.locale,
    };
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await firstValueFrom(this.#http.post(`${this.#base}/api/auth/register`, body));
      this.sentTo.set(body.email);
      focusAfterRender(this.#host, '[data-testid="register-success"]', this.#injector);
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
