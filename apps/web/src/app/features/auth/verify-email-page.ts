import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, OnInit, inject, input, signal } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import type { VerifyEmailRequest } from '@allmende/contracts';
import { firstValueFrom } from 'rxjs';
import { API_BASE_URL } from '../../core/api/api-base-url';
import { authErrorKey } from '../../core/auth/auth-errors';

type State = 'verifying' | 'verified' | 'failed';

/** Opened from the verification mail (`/verify-email?token=…`): confirms the address at once. */
@Component({
  selector: 'alm-verify-email-page',
  imports: [MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('auth.verify.heading') }}</h1>
      <div role="status" aria-atomic="true">
        @switch (state()) {
          @case ('verifying') {
            <div class="message" data-testid="verify-busy">
              <mat-progress-spinner mode="indeterminate" diameter="24" aria-hidden="true" />
              <p>{{ t('auth.verify.verifying') }}</p>
            </div>
          }
          @case ('verified') {
            <div class="message message-success" data-testid="verify-success">
              <p>{{ t('auth.verify.success') }}</p>
            </div>
          }
          @case ('failed') {
            <div class="message message-error" data-testid="verify-failed">
              <p>{{ t(errorKey()) }}</p>
              <p>{{ t('auth.verify.failedHint') }}</p>
            </div>
          }
        }
      </div>
      @if (state() !== 'verifying') {
        <ul class="links">
          <li><a routerLink="/login" [queryParams]="state() === 'verified' ? { notice: 'verified' } : {}">{{ t('auth.verify.toLogin') }}</a></li>
          @if (state() === 'failed') {
            <li><a routerLink="/register">{{ t('auth.verify.toRegister') }}</a></li>
          }
        </ul>
      }
    </ng-container>
  `,
  styleUrl: './auth-page.scss',
})
export class VerifyEmailPage implements OnInit {
  /** Query parameter from the mail link. */
  readonly token = input<string>();

  readonly #http = inject(HttpClient);
  readonly #base = inject(API_BASE_URL);

  protected readonly state = signal<State>('verifying');
  protected readonly errorKey = signal('auth.errors.invalidToken');

  ngOnInit(): void {
    void this.verify();
  }

  private async verify(): Promise<void> {
    const token = this.token()?.trim();
    if (!token) {
      this.state.set('failed');
      return;
    }
    try {
      const body: VerifyEmailRequest = { token };
      await firstValueFrom(this.#http.post<void>(`${this.#base}/api/auth/verify-email`, body));
      this.state.set('verified');
    } catch (error) {
      this.errorKey.set(authErrorKey(error, { VALIDATION_FAILED: 'auth.errors.invalidToken' }));
      this.state.set('failed');
    }
  }
}
