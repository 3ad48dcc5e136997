import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatSlideToggle, MatSlideToggleChange } from '@angular/material/slide-toggle';
import { TranslocoDirective } from '@jsverse/transloco';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@allmende/contracts';
import { AuthStore } from '../../core/auth/auth-store';
import { authErrorKey } from '../../core/auth/auth-errors';
import { ProfileApi } from './profile-api';

interface Announcement {
  key: string;
  purpose: ConsentPurpose;
}

/**
 * The three separate, revocable consents. Nothing is pre-ticked; each switch
 * is saved the moment it changes and the result announced in a live region.
 */
@Component({
  selector: 'alm-consents-section',
  imports: [MatSlideToggle, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="consents-heading" *transloco="let t">
      <h2 class="section-heading" id="consents-heading">{{ t('profile.consents.heading') }}</h2>
      <p class="section-intro">{{ t('profile.consents.intro') }}</p>
      <ul class="consents">
        @for (purpose of purposes; track purpose) {
          <li class="consent" [attr.data-testid]="'consent-' + purpose">
            <mat-slide-toggle
              [checked]="granted()[purpose]"
              [aria-describedby]="'consent-desc-' + purpose"
              (change)="change(purpose, $event)"
            >
              {{ t('profile.consents.purposes.' + purpose + '.label') }}
            </mat-slide-toggle>
            <p class="muted description" [id]="'consent-desc-' + purpose">{{ t('profile.consents.purposes.' + purpose + '.text') }}</p>
          </li>
        }
      </ul>
      <div role="status" aria-atomic="true" data-testid="consents-status">
        @if (announcement(); as a) {
          <p class="message message-success">{{ t('profile.consents.' + a.key, { purpose: t('profile.consents.purposes.' + a.purpose + '.label') }) }}</p>
        }
      </div>
      <div role="alert" aria-atomic="true">
        @if (errorKey(); as key) {
          <p class="message message-error">{{ t('profile.consents.error') }} {{ t(key) }}</p>
        }
      </div>
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
  styles: `
    .consents {
      display: flex;
      flex-direction: column;
      gap: 1rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .description {
      margin: 0.25rem 0 0;
      max-width: 60ch;
    }
  `,
})
export class ConsentsSection {
  readonly #auth = inject(AuthStore);
  readonly #api = inject(ProfileApi);

  protected readonly purposes = CONSENT_PURPOSES;
  /** Granted state per purpose; anything undecided counts as not granted. */
  protected readonly granted = computed(() => {
    const consents = this.#auth.me()?.consents ?? [];
    return Object.fromEntries(
      CONSENT_PURPOSES.map((p) => [p, consents.some((c) => c.purpose === p && c.granted)]),
    ) as Record<ConsentPurpose, boolean>;
  });
  protected readonly announcement = signal<Announcement | null>(null);
  protected readonly errorKey = signal<string | null>(null);

  protected async change(purpose: ConsentPurpose, event: MatSlideToggleChange): Promise<void> {
    const granted = event.checked;
    this.announcement.set(null);
    this.errorKey.set(null);
    try {
      const consents = await this.#api.setConsent(purpose, granted);
      const me = this.#auth.me();
      if (me) this.#auth.setMe({ ...me, consents });
      this.announcement.set({ key: granted ? 'granted' : 'revoked', purpose });
    } catch (error) {
      event.source.checked = !granted; // show the state that is really stored
      this.errorKey.set(authErrorKey(error));
    }
  }
}
