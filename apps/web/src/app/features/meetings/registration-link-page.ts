import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { RegistrationResponse } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Observable } from 'rxjs';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

export type RegistrationLinkAction = 'confirm' | 'cancel';

type LinkState =
  | { kind: 'working' }
  | { kind: 'done'; key: string; params?: Record<string, string | number> }
  | { kind: 'failed'; key: string };

/**
 * The pages behind the links in a guest's mails: `/meetings/:id/confirm?token=…`
 * confirms a registration, `/meetings/:id/cancel?token=…` cancels it. The call is made
 * on load; the token is used once.
 */
@Component({
  selector: 'alm-registration-link-page',
  imports: [MatProgressSpinner, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <h1 class="heading">{{ t('meetings.links.' + action() + '.heading') }}</h1>
      @switch (state().kind) {
        @case ('working') {
          <div class="state" role="status" data-testid="link-working">
            <mat-progress-spinner mode="indeterminate" diameter="32" aria-hidden="true" />
            <p>{{ t('meetings.links.' + action() + '.working') }}</p>
          </div>
        }
        @case ('done') {
          <p class="result" role="status" data-testid="link-done">{{ t(message().key, message().params ?? {}) }}</p>
        }
        @default {
          <div class="state state-error" role="alert" data-testid="link-failed">
            <p>{{ t(message().key) }}</p>
          </div>
        }
      }
      <p><a [routerLink]="['/meetings', id()]" data-testid="link-to-meeting">{{ t('meetings.links.toMeeting') }}</a></p>
    </ng-container>
  `,
  styleUrl: './registration-link-page.scss',
})
export class RegistrationLinkPage {
  private readonly api = inject(MeetingsApi);
  private readonly route = inject(ActivatedRoute);

  /** Route parameter `:id`. */
  readonly id = input.required<string>();
  /** From the route's data. */
  readonly action = input.required<RegistrationLinkAction>();

  protected readonly state = signal<LinkState>({ kind: 'working' });
  protected readonly message = computed(() => {
    const s = this.state();
    return { key: s.kind === 'working' ? '' : s.key, params: s.kind === 'done' ? s.params : undefined };
  });

  constructor() {
    const snapshot = this.route.snapshot;
    const token = snapshot.queryParamMap.get('token') ?? '';
    const action = (snapshot.data['action'] as RegistrationLinkAction | undefined) ?? 'confirm';
    if (token.length < 10) {
      this.state.set({ kind: 'failed', key: 'meetings.errors.INVALID_OR_EXPIRED_TOKEN' });
      return;
    }
    const call: Observable<unknown> = action === 'confirm' ? this.api.confirmGuest(token) : this.api.cancelGuest(token);
    call.subscribe({
      next: (result) => this.state.set(action === 'confirm' ? confirmed(result as RegistrationResponse) : { kind: 'done', key: 'meetings.links.cancel.done' }),
      error: (error: unknown) => this.state.set({ kind: 'failed', key: meetingErrorKey(error) }),
    });
  }
}

function confirmed(result: RegistrationResponse): LinkState {
  return result.status === 'waitlisted'
    ? { kind: 'done', key: 'meetings.links.confirm.waitlisted', params: { position: result.waitlistPosition ?? '?' } }
    : { kind: 'done', key: 'meetings.links.confirm.done' };
}
