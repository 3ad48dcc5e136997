import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { DecisionMethod, MeetingKind, ParticipationLevel, RegistrationStatus } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';

const CHIP_STYLES = `
  :host {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25rem 0.375rem;
    align-items: center;
  }
  .chip {
    padding: 0.125rem 0.625rem;
    border: 1px solid var(--mat-sys-outline-variant);
    border-radius: var(--mat-sys-corner-full);
    font: var(--mat-sys-label-medium);
    white-space: nowrap;
  }
  .kind-plenary, .status-registered {
    background: var(--mat-sys-primary-container);
    color: var(--mat-sys-on-primary-container);
  }
  .kind-group_session, .method {
    background: var(--mat-sys-secondary-container);
    color: var(--mat-sys-on-secondary-container);
  }
  .kind-conference, .kind-workshop, .level {
    background: var(--mat-sys-tertiary-container);
    color: var(--mat-sys-on-tertiary-container);
  }
  .status-waitlisted, .status-pending_confirmation, .cancelled {
    background: var(--mat-sys-surface-container-highest);
    color: var(--mat-sys-on-surface);
  }
  .cancelled {
    background: var(--mat-sys-error-container);
    color: var(--mat-sys-on-error-container);
  }
`;

/** The kind of a meeting, my registration and a cancellation, as chips whose text carries the meaning. */
@Component({
  selector: 'alm-meeting-chips',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <span [class]="'chip kind-' + kind()" data-testid="meeting-kind">
        <span class="alm-visually-hidden">{{ t('meetings.kindLabel') }}: </span>{{ t('meetingKinds.' + kind()) }}
      </span>
      @if (cancelled()) {
        <span class="chip cancelled" data-testid="meeting-cancelled">{{ t('meetings.cancelledBadge') }}</span>
      }
      @if (status(); as s) {
        @if (s !== 'cancelled') {
          <span [class]="'chip status-' + s" data-testid="meeting-my-status">
            @if (s === 'waitlisted' && position()) {
              {{ t('meetings.myStatus.waitlistedAt', { position: position() }) }}
            } @else {
              {{ t('meetings.myStatus.' + s) }}
            }
          </span>
        }
      }
    </ng-container>
  `,
  styles: CHIP_STYLES,
})
export class MeetingChips {
  readonly kind = input.required<MeetingKind>();
  readonly cancelled = input(false);
  readonly status = input<RegistrationStatus | null>(null);
  readonly position = input<number | null>(null);
}

/** How a decision was taken: method and participation level. */
@Component({
  selector: 'alm-decision-chips',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <span class="chip method" data-testid="decision-method">
        <span class="alm-visually-hidden">{{ t('decisions.method') }}: </span>{{ t('decisions.methods.' + method()) }}
      </span>
      <span class="chip level" data-testid="decision-level">
        <span class="alm-visually-hidden">{{ t('decisions.level') }}: </span>{{ t('decisions.levels.' + level()) }}
      </span>
    </ng-container>
  `,
  styles: CHIP_STYLES,
})
export class DecisionChips {
  readonly method = input.required<DecisionMethod>();
  readonly level = input.required<ParticipationLevel>();
}
