import { ChangeDetectionStrategy, Component, ElementRef, Injector, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import type { GroupMuteDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { focusAfterRender } from '../../core/auth/forms';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { DiscussionApi } from './discussion-api';
import { discussionError } from './discussion-errors';

interface Notice {
  key: string;
  params: Record<string, string | number>;
  error?: boolean;
}

/**
 * Who is muted in a working group's discussions right now, for those who moderate it
 * (its leads and the office), with a way to lift a mute early. Renders nothing, and asks
 * nothing of the API, for anyone else.
 *
 * `<alm-group-mutes [groupId]="group.id" [canModerate]="isLeadOrOffice" />`
 */
@Component({
  selector: 'alm-group-mutes',
  imports: [MatButton, MatProgressSpinner, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canModerate()) {
      <section class="mutes" aria-labelledby="group-mutes-heading" data-testid="group-mutes" *transloco="let t">
        <h2 id="group-mutes-heading" class="heading">{{ t('discussion.mutes.heading') }}</h2>
        <p class="intro">{{ t('discussion.mutes.intro') }}</p>

        <p class="notice" [class.notice-error]="notice()?.error" role="status" tabindex="-1" data-testid="group-mutes-notice">
          @if (notice(); as n) {
            {{ t(n.key, n.params) }}
          }
        </p>

        @if (mutes.error()) {
          <div class="state state-error" role="alert" data-testid="group-mutes-error">
            <p>{{ t('discussion.mutes.loadError') }}</p>
            <button mat-button type="button" (click)="mutes.reload()">{{ t('discussion.retry') }}</button>
          </div>
        } @else if (!mutes.hasValue()) {
          <div class="state">
            <mat-progress-spinner mode="indeterminate" diameter="24" aria-hidden="true" />
            <p>{{ t('discussion.loading') }}</p>
          </div>
        } @else if (mutes.value().length === 0) {
          <p data-testid="group-mutes-empty">{{ t('discussion.mutes.empty') }}</p>
        } @else {
          <div class="table-wrap">
            <table class="table" data-testid="group-mutes-table">
              <caption class="alm-visually-hidden">{{ t('discussion.mutes.caption') }}</caption>
              <thead>
                <tr>
                  <th scope="col">{{ t('discussion.mutes.columns.person') }}</th>
                  <th scope="col">{{ t('discussion.mutes.columns.until') }}</th>
                  <th scope="col">{{ t('discussion.mutes.columns.reason') }}</th>
                  <th scope="col">{{ t('discussion.mutes.columns.mutedBy') }}</th>
                  <th scope="col"><span class="alm-visually-hidden">{{ t('discussion.mutes.columns.actions') }}</span></th>
                </tr>
              </thead>
              <tbody>
                @for (mute of mutes.value(); track mute.person.id) {
                  <tr data-testid="group-mute">
                    <th scope="row" data-testid="group-mute-person">{{ mute.person.name }}</th>
                    <td><time [attr.datetime]="mute.until" data-testid="group-mute-until">{{ when(mute.until) }}</time></td>
                    <td class="reason" data-testid="group-mute-reason">{{ mute.reason }}</td>
                    <td>
                      {{ mute.mutedBy?.name ?? '—' }}
                      <span class="meta">
                        {{ t('discussion.mutes.mutedAt') }} <time [attr.datetime]="mute.mutedAt">{{ when(mute.mutedAt) }}</time>
                      </span>
                    </td>
                    <td>
                      <button
                        mat-stroked-button
                        type="button"
                        [disabled]="busy()"
                        [attr.aria-label]="t('discussion.mutes.liftLabel', { name: mute.person.name })"
                        (click)="lift(mute)"
                        data-testid="group-mute-lift"
                      >
                        {{ t('discussion.mutes.lift') }}
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .mutes {
      margin-block: 1.5rem;
    }
    .heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .intro {
      max-width: 65ch;
      margin: 0 0 0.75rem;
      color: var(--mat-sys-on-surface-variant);
    }
    .notice:empty {
      display: none;
    }
    .notice {
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .notice-error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .state {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 1rem;
      padding: 1rem;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .state p {
      margin: 0;
    }
    .state-error {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .table-wrap {
      overflow-x: auto;
    }
    .table {
      width: 100%;
      border-collapse: collapse;
    }
    .table th,
    .table td {
      padding: 0.5rem;
      border-block-end: 1px solid var(--mat-sys-outline-variant);
      text-align: start;
      vertical-align: top;
    }
    .table thead th {
      font: var(--mat-sys-title-small);
    }
    .reason {
      overflow-wrap: anywhere;
    }
    .meta {
      display: block;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
  `,
})
export class GroupMutes {
  private readonly api = inject(DiscussionApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly lang = inject(LanguageService).current;

  readonly groupId = input.required<string>();
  /** Group leads and the office: the same people the API lets mute in the group. */
  readonly canModerate = input(false);

  // undefined params: the resource stays idle, so others never cause a 403
  protected readonly mutes = rxResource({
    params: () => (this.canModerate() ? this.groupId() : undefined),
    stream: ({ params }) => this.api.mutes(params),
  });
  protected readonly busy = signal(false);
  protected readonly notice = signal<Notice | null>(null);

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  protected lift(mute: GroupMuteDto): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.notice.set(null);
    this.api.unmute(this.groupId(), mute.person.id).subscribe({
      next: () => {
        this.busy.set(false);
        this.mutes.update((list) => (list ?? []).filter((m) => m.person.id !== mute.person.id));
        this.say({ key: 'discussion.mutes.lifted', params: { name: mute.person.name } });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        // gone already (lifted by someone else, or ended): show the list as it is now
        if (apiErrorStatus(error) === 404) this.mutes.reload();
        const e = discussionError(error);
        this.say({ key: e.key, params: e.params, error: true });
      },
    });
  }

  /** The button used is gone: continue at the message, which the live region also reads out. */
  private say(notice: Notice): void {
    this.notice.set(notice);
    focusAfterRender(this.host, '[data-testid="group-mutes-notice"]', this.injector);
  }
}
