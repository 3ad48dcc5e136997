import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { GroupAccess, GroupState, WorkingGroupSummaryDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';

/**
 * A group's state chip and its badges (Reallabor, closed, my role). Every chip carries
 * its meaning as text; the colours only repeat it.
 */
@Component({
  selector: 'alm-group-tags',
  imports: [TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t">
      <span [class]="'chip state-' + state()" data-testid="group-state">
        <span class="alm-visually-hidden">{{ t('groups.stateLabel') }}: </span>{{ t('groupStates.' + state()) }}
      </span>
      @if (realWorldLab()) {
        <span class="chip badge" data-testid="group-lab">{{ t('groups.realWorldLab') }}</span>
      }
      @if (access() === 'closed') {
        <span class="chip badge" data-testid="group-closed">{{ t('groups.closed') }}</span>
      }
      @if (myRole(); as role) {
        <span class="chip mine" data-testid="group-my-role">{{ t('groups.myRoles.' + role) }}</span>
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0.25rem 0.375rem;
      align-items: center;
    }
    .chip {
      padding: 0.125rem 0.625rem;
      border: 1px solid transparent;
      border-radius: var(--mat-sys-corner-full);
      font: var(--mat-sys-label-medium);
      white-space: nowrap;
    }
    .state-proposed {
      border-color: var(--mat-sys-outline);
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface);
    }
    .state-approved {
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .state-active {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    .state-dormant {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
    }
    .state-dissolved {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .state-permanent {
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
    }
    .badge {
      border-color: var(--mat-sys-outline-variant);
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .mine {
      border-color: var(--mat-sys-primary);
      color: var(--mat-sys-primary);
    }
  `,
})
export class GroupTags {
  readonly state = input.required<GroupState>();
  readonly realWorldLab = input(false);
  readonly access = input<GroupAccess | null>(null);
  readonly myRole = input<WorkingGroupSummaryDto['myRole']>(null);
}
