import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoDirective } from '@jsverse/transloco';
import { AuthStore } from '../../core/auth/auth-store';
import { ThreadList } from './thread-list';

/** Who opens and joins the alliance's open topics: its signatories (and the office). */
const ALLIANCE_STATUSES = ['signatory', 'active', 'dormant'];

/** `/threads`: the alliance's open topics, and every other thread I may read, with unread counts. */
@Component({
  selector: 'alm-threads-page',
  imports: [RouterLink, TranslocoDirective, ThreadList],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <div class="title-row">
        <h1 class="heading">{{ t('discussion.heading') }}</h1>
        @if (isOffice()) {
          <a routerLink="/office/moderation" data-testid="to-moderation">{{ t('discussion.moderation.heading') }}</a>
        }
      </div>
      <p class="intro">{{ t('discussion.intro') }}</p>
      <alm-thread-list subjectType="alliance" [canCreate]="canOpenAllianceTopic()" />
      <alm-thread-list />
    </ng-container>
  `,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-headline-medium);
    }
    .intro {
      max-width: 65ch;
      margin: 0 0 1rem;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class ThreadsPage {
  private readonly auth = inject(AuthStore);
  protected readonly isOffice = this.auth.isOffice;
  protected readonly canOpenAllianceTopic = computed(
    () => this.isOffice() || ALLIANCE_STATUSES.includes(this.auth.me()?.membership.status ?? ''),
  );
}
