import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { LanguageService } from '../../core/i18n/language-service';
import { formatDate } from './format-date';

/** Alliance membership: status, pending approval, a newer charter to confirm. */
@Component({
  selector: 'alm-membership-section',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="membership-heading" *transloco="let t; prefix: 'profile.membership'">
      <h2 class="section-heading" id="membership-heading">{{ t('heading') }}</h2>
      @if (membership(); as m) {
        <p data-testid="membership-status">
          {{ t('statusLabel') }} <strong>{{ t('status.' + m.status) }}</strong>
        </p>
        <p class="muted">{{ t('explain.' + m.status) }}</p>
        @if (m.signedVersion !== null && m.signedAt) {
          <p class="muted">{{ t('signed', { version: m.signedVersion, date: signedOn() }) }}</p>
        }
        @if (m.awaitingApproval) {
          <p class="message" data-testid="membership-awaiting">{{ t('awaitingApproval') }}</p>
        }
        @if (m.confirmationPending) {
          <p class="message" data-testid="membership-confirmation">
            {{ t('confirmationPending') }} <a routerLink="/charter">{{ t('confirmLink') }}</a>
          </p>
        } @else if (m.status === 'interested' && !m.awaitingApproval) {
          <p><a routerLink="/charter">{{ t('signLink') }}</a></p>
        } @else {
          <p><a routerLink="/charter">{{ t('charterLink') }}</a></p>
        }
      }
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
})
export class MembershipSection {
  readonly #auth = inject(AuthStore);
  readonly #lang = inject(LanguageService).current;

  protected readonly membership = computed(() => this.#auth.me()?.membership ?? null);
  protected readonly signedOn = computed(() => {
    const at = this.membership()?.signedAt;
    return at ? formatDate(at, this.#lang()) : '';
  });
}
