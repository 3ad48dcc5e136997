import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { safeReturnUrl } from '../../core/auth/return-url';
import { authErrorKey } from '../../core/auth/auth-errors';
import { focusFirstInvalid } from '../../core/auth/forms';

/** Notices another page can ask the login page to show (`/login?notice=…`). */
const NOTICES = ['passwordChanged', 'passwordReset', 'verified'] as const;

/** Sign in with e-mail and password; goes to `returnUrl` (or the profile) afterwards. */
@Component({
  selector: 'alm-login-page',
  imports: [ReactiveFormsModule, MatFormField, MatLabel, MatError, MatInput, MatButton, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.html',
  styleUrl: './auth-page.scss',
})
export class LoginPage {
  /** Query parameter: where to continue after signing in. */
  readonly returnUrl = input<string>();
  /** Query parameter: a notice from the previous step (e.g. `passwordChanged`). */
  readonly notice = input<string>();

  readonly #auth = inject(AuthStore);
  readonly #router = inject(Router);
  readonly #host = inject<ElementRef<HTMLElement>>(ElementRef);
  readonly #injector = inject(Injector);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected noticeKey(): string | null {
    const notice = this.notice();
    return notice && (NOTICES as readonly string[]).includes(notice) ? `auth.login.notice.${notice}` : null;
  }

  protected async submit(): Promise<void> {
    if (this.busy()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      focusFirstInvalid(this.#host, this.#injector);
      return;
    }
    const { email, password } = this.form.getRawValue();
    this.busy.set(true);
    this.errorKey.set(null);
    try {
      await this.#auth.login(email.trim(), password);
      await this.#router.navigateByUrl(safeReturnUrl(this.returnUrl()));
    } catch (error) {
      this.errorKey.set(authErrorKey(error));
    } finally {
      this.busy.set(false);
    }
  }
}
