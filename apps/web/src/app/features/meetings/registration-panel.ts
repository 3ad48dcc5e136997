import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { MeetingDetailDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { registrationState } from './registration-state';

/** Register, join the waiting list or cancel; tells where I stand. */
@Component({
  selector: 'alm-registration-panel',
  imports: [MatButton, RouterLink, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'meetings.registration'">
      @switch (state()) {
        @case ('registered') {
          <p data-testid="registration-state">{{ t('registered') }}</p>
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="cancelRequested.emit()" data-testid="cancel-registration">
            {{ t('cancel') }}
          </button>
        }
        @case ('waitlisted') {
          <p data-testid="registration-state">
            @if (meeting().myWaitlistPosition; as position) {
              {{ t('waitlistedAt', { position: position }) }}
            } @else {
              {{ t('waitlisted') }}
            }
          </p>
          <button mat-stroked-button type="button" [disabled]="busy()" (click)="cancelRequested.emit()" data-testid="cancel-registration">
            {{ t('leaveWaitlist') }}
          </button>
        }
        @case ('pending') {
          <p data-testid="registration-state">{{ t('pending') }}</p>
        }
        @case ('register') {
          <p data-testid="registration-state">
            @if (meeting().capacity !== null) {
              {{ t('seatsLeft', { count: seatsLeft() }) }}
            } @else {
              {{ t('open') }}
            }
          </p>
          <button mat-flat-button type="button" [disabled]="busy()" (click)="registerRequested.emit()" data-testid="register">{{ t('register') }}</button>
        }
        @case ('waitlist') {
          <p data-testid="registration-state">{{ t('full') }}</p>
          <button mat-flat-button type="button" [disabled]="busy()" (click)="registerRequested.emit()" data-testid="register">{{ t('joinWaitlist') }}</button>
        }
        @case ('signIn') {
          <p data-testid="registration-state">
            <a routerLink="/login" [queryParams]="{ returnUrl: returnUrl() }" data-testid="sign-in-to-register">{{ t('signIn') }}</a>
          </p>
        }
        @default {
          <p data-testid="registration-state">{{ t(meeting().cancelled ? 'cancelledMeeting' : 'closed') }}</p>
        }
      }
    </ng-container>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    p {
      margin: 0;
    }
  `,
})
export class RegistrationPanel {
  readonly meeting = input.required<MeetingDetailDto>();
  readonly signedIn = input.required<boolean>();
  readonly busy = input(false);
  /** Where to come back to after signing in. */
  readonly returnUrl = input('/meetings');

  readonly registerRequested = output<void>();
  readonly cancelRequested = output<void>();

  protected readonly state = computed(() => registrationState(this.meeting(), this.signedIn()));
  protected readonly seatsLeft = computed(() => Math.max(0, (this.meeting().capacity ?? 0) - this.meeting().registeredCount));
}
