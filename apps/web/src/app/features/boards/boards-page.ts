import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import { CARD_STAGES, type BoardSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { BoardsApi } from './boards-api';

/** The boards the visitor may read: the alliance's Zukunftsplan first, then one per working group, with cards per stage. */
@Component({
  selector: 'alm-boards-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('boards.heading') }}</h1>
      <p class="intro">{{ t('boards.intro') }}</p>
      @if (boards.error()) {
        <div class="state state-error" role="alert" data-testid="boards-error">
          <p>{{ t('boards.listError') }}</p>
          <button mat-flat-button type="button" (click)="boards.reload()">{{ t('boards.retry') }}</button>
        </div>
      } @else if (list(); as items) {
        @if (items.length === 0) {
          <p class="state" data-testid="boards-empty">{{ t('boards.none') }}</p>
        } @else {
          <ul class="boards" data-testid="boards">
            @for (b of items; track b.id) {
              <li class="board" data-testid="board-summary">
                <h2 class="board-heading">
                  <a [routerLink]="['/boards', b.id]" data-testid="board-link">{{ b.title }}</a>
                </h2>
                <p class="meta">
                  {{ b.kind === 'alliance' ? t('boards.kinds.alliance') : t('boards.kinds.group', { name: b.groupName ?? '' }) }}
                  @if (b.canEdit) {
                    · {{ t('boards.youEdit') }}
                  }
                </p>
                <dl class="counts" [attr.aria-label]="t('boards.countsLabel')">
                  @for (stage of stages; track stage) {
                    <div class="count">
                      <dt>{{ t('boards.stages.' + stage) }}</dt>
                      <dd [attr.data-testid]="'count-' + stage">{{ b.counts[stage] ?? 0 }}</dd>
                    </div>
                  }
                </dl>
              </li>
            }
          </ul>
        }
      } @else {
        <div class="state">
          <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
          <p>{{ t('boards.loading') }}</p>
        </div>
      }
    </ng-container>
  `,
  styleUrl: './boards-page.scss',
})
export class BoardsPage {
  private readonly api = inject(BoardsApi);
  protected readonly stages = CARD_STAGES;
  protected readonly boards = rxResource({ stream: () => this.api.list() });
  protected readonly list = computed<BoardSummaryDto[] | null>(() =>
    this.boards.hasValue()
      ? [...this.boards.value()].sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'alliance' ? -1 : 1))
      : null,
  );
}
