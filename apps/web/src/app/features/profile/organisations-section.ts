import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';

/** The organisations I belong to, with pending confirmations marked. */
@Component({
  selector: 'alm-organisations-section',
  imports: [RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="my-organisations-heading" *transloco="let t; prefix: 'profile.organisations'">
      <h2 class="section-heading" id="my-organisations-heading">{{ t('heading') }}</h2>
      @if (affiliations().length === 0) {
        <p class="muted" data-testid="organisations-empty">{{ t('empty') }}</p>
      } @else {
        <ul class="organisations" data-testid="organisations-list">
          @for (a of affiliations(); track a.id) {
            <li>
              <a [routerLink]="['/organisations', a.organisationId]">{{ a.organisationName }}</a>
              <span class="muted role">{{ t('roles.' + a.role) }}</span>
              @if (!a.confirmedAt) {
                <span class="badge" data-testid="affiliation-pending">{{ t('pending') }}</span>
              }
            </li>
          }
        </ul>
      }
      <ul class="link-list">
        <li><a routerLink="/organisations">{{ t('join') }}</a></li>
        <li><a routerLink="/organisations/new">{{ t('create') }}</a></li>
        <li><a routerLink="/directory">{{ t('directory') }}</a></li>
      </ul>
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
  styles: `
    .organisations {
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .organisations li {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0.25rem 0.75rem;
    }
    .role {
      margin: 0;
    }
  `,
})
export class OrganisationsSection {
  readonly #auth = inject(AuthStore);
  protected readonly affiliations = computed(() => this.#auth.me()?.affiliations ?? []);
}
