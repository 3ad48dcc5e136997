import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DOCUMENT, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { meetingErrorKey } from './meeting-errors';
import { MeetingsApi } from './meetings-api';

/**
 * "Kalender abonnieren": my personal feed (a secret address, renewable and revocable)
 * and the public feed of conferences. The API cannot show an existing secret again,
 * so the address appears after creating or renewing it.
 */
@Component({
  selector: 'alm-calendar-feed-panel',
  imports: [MatButton, MatFormField, MatLabel, MatHint, MatInput, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel" aria-labelledby="calendar-heading" data-testid="calendar-panel" *transloco="let t">
      <h2 id="calendar-heading" class="panel-heading">{{ t('meetings.calendar.heading') }}</h2>
      @if (signedIn()) {
        <p>{{ t('meetings.calendar.personalIntro') }}</p>
        @if (url(); as address) {
          <div class="address">
            <mat-form-field class="address-field" subscriptSizing="dynamic">
              <mat-label>{{ t('meetings.calendar.personalUrl') }}</mat-label>
              <input matInput readonly [value]="address" data-testid="feed-url" (focus)="$any($event.target).select()" />
              <mat-hint>{{ t('meetings.calendar.secretHint') }}</mat-hint>
            </mat-form-field>
            <button mat-stroked-button type="button" (click)="copy(address)" data-testid="feed-copy">{{ t('meetings.calendar.copy') }}</button>
          </div>
        }
        <div class="actions">
          <button mat-flat-button type="button" [disabled]="busy()" (click)="renew()" data-testid="feed-renew">
            {{ t(url() ? 'meetings.calendar.renew' : 'meetings.calendar.create') }}
          </button>
          <button mat-button type="button" [disabled]="busy()" (click)="revoke()" data-testid="feed-revoke">{{ t('meetings.calendar.revoke') }}</button>
        </div>
      }
      <p class="public">
        {{ t('meetings.calendar.publicIntro') }}
        <a [href]="conferenceFeed" data-testid="conference-feed">{{ t('meetings.calendar.publicLink') }}</a>
      </p>
      <p class="message" [class.error]="message()?.error" role="status" data-testid="feed-message">
        @if (message(); as m) {
          {{ t(m.key) }}
        }
      </p>
    </section>
  `,
  styles: `
    .panel {
      max-width: 48rem;
      margin-block: 2rem 1rem;
      padding: 1rem 1.25rem;
      border-radius: var(--mat-sys-corner-medium);
      background: var(--mat-sys-surface-container-low);
    }
    .panel-heading {
      margin: 0 0 0.5rem;
      font: var(--mat-sys-title-large);
    }
    .address {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 0.5rem 1rem;
      margin-block-end: 1rem;
    }
    .address-field {
      flex: 1 1 22rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .message {
      min-height: 1.5rem;
      margin: 0.5rem 0 0;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
})
export class CalendarFeedPanel {
  private readonly api = inject(MeetingsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  protected readonly signedIn = inject(AuthStore).isSignedIn;
  protected readonly conferenceFeed = this.api.conferenceFeedUrl(inject(DOCUMENT).location?.origin ?? '');
  protected readonly url = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** Translation key of the outcome of the last action. */
  protected readonly message = signal<{ key: string; error?: boolean } | null>(null);

  protected renew(): void {
    this.busy.set(true);
    this.message.set(null);
    const renewed = this.url() !== null;
    this.api.renewFeed().subscribe({
      next: ({ url }) => {
        this.busy.set(false);
        this.url.set(url);
        this.message.set({ key: renewed ? 'meetings.calendar.renewed' : 'meetings.calendar.created' });
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected revoke(): void {
    const t = (key: string) => this.transloco.translate<string>(`meetings.calendar.revokeDialog.${key}`);
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: this.transloco.translate('meetings.cancel') })
      .pipe(filter(Boolean))
      .subscribe(() => {
        this.busy.set(true);
        this.message.set(null);
        this.api.revokeFeed().subscribe({
          next: () => {
            this.busy.set(false);
            this.url.set(null);
            this.message.set({ key: 'meetings.calendar.revoked' });
          },
          error: (error: unknown) => this.fail(error),
        });
      });
  }

  protected copy(address: string): void {
    const copied = this.clipboard.copy(address);
    this.message.set({ key: copied ? 'meetings.calendar.copied' : 'meetings.calendar.copyFailed', error: !copied });
  }

  private fail(error: unknown): void {
    this.busy.set(false);
    this.message.set({ key: meetingErrorKey(error), error: true });
  }
}
