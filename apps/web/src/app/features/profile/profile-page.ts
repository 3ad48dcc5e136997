import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { ConsentsSection } from './consents-section';
import { DeleteAccountSection } from './delete-account-section';
import { MembershipSection } from './membership-section';
import { NotificationSettingsSection } from './notification-settings-section';
import { OrganisationsSection } from './organisations-section';
import { ProfileForm } from './profile-form';
import { SecuritySection } from './security-section';

/** `/profile`: my data, consents, membership, organisations and account security. */
@Component({
  selector: 'alm-profile-page',
  imports: [
    TranslocoDirective,
    MembershipSection,
    ProfileForm,
    ConsentsSection,
    NotificationSettingsSection,
    OrganisationsSection,
    SecuritySection,
    DeleteAccountSection,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'profile'">
      <h1 class="heading">{{ t('heading') }}</h1>
      @if (me(); as me) {
        <p class="intro" data-testid="profile-greeting">{{ t('greeting', { name: me.displayName }) }}</p>
        @if (!me.emailVerified) {
          <p class="intro">{{ t('emailUnverified') }}</p>
        }
        <div class="sections">
          <alm-membership-section />
          <alm-profile-form />
          <alm-consents-section />
          <alm-notification-settings-section />
          <alm-organisations-section />
          <alm-security-section />
          <alm-delete-account-section />
        </div>
      }
    </ng-container>
  `,
  styles: `
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-medium);
    }
    .intro {
      margin: 0 0 1.5rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .sections {
      display: flex;
      flex-direction: column;
      gap: 1.5rem;
      max-width: 48rem;
    }
  `,
})
export class ProfilePage {
  protected readonly me = inject(AuthStore).me;
}
