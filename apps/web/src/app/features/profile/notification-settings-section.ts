import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, linkedSignal, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatRadioButton, MatRadioChange, MatRadioGroup } from '@angular/material/radio';
import { DIGEST_FREQUENCIES, type DigestFrequency, type NotificationSettingsDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { API_BASE_URL } from '../../core/api/api-base-url';

/** "Notifications by e-mail": how often a digest of my unread notifications comes (off, daily, weekly). */
@Component({
  selector: 'alm-notification-settings-section',
  imports: [MatRadioGroup, MatRadioButton, MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="section" aria-labelledby="notification-settings-heading" *transloco="let t; prefix: 'notifications.settings'">
      <h2 class="section-heading" id="notification-settings-heading">{{ t('heading') }}</h2>
      <p class="section-intro" id="notification-settings-intro">{{ t('intro') }}</p>
      @if (settings.error()) {
        <div role="alert">
          <p class="message message-error">{{ t('loadError') }}</p>
          <button mat-button type="button" (click)="settings.reload()">{{ t('retry') }}</button>
        </div>
      } @else if (settings.hasValue()) {
        <mat-radio-group
          class="choices"
          aria-labelledby="notification-settings-heading"
          aria-describedby="notification-settings-intro"
          [value]="chosen()"
          [disabled]="busy()"
          (change)="save($event)"
          data-testid="digest-choice"
        >
          @for (f of frequencies; track f) {
            <mat-radio-button [value]="f" [attr.data-testid]="'digest-' + f">{{ t('digest.' + f) }}</mat-radio-button>
          }
        </mat-radio-group>
      } @else {
        <p class="muted">{{ t('loading') }}</p>
      }
      <div role="status" aria-atomic="true">
        @if (outcome(); as o) {
          <p class="message" [class.message-success]="!o.error" [class.message-error]="o.error" data-testid="digest-outcome">{{ t(o.key) }}</p>
        }
      </div>
    </section>
  `,
  styleUrls: ['./profile-section.scss'],
  styles: `
    .choices {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
    }
  `,
})
export class NotificationSettingsSection {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(API_BASE_URL)}/api/me/notification-settings`;

  protected readonly frequencies = DIGEST_FREQUENCIES;
  protected readonly settings = rxResource({ stream: () => this.http.get<NotificationSettingsDto>(this.url) });
  /** What the choice shows: the stored value, or the one being saved. */
  protected readonly chosen = linkedSignal<DigestFrequency | undefined>(() => this.settings.value()?.digest);
  protected readonly busy = signal(false);
  protected readonly outcome = signal<{ key: string; error: boolean } | null>(null);

  protected save(change: MatRadioChange<DigestFrequency>): void {
    const digest = change.value;
    const before = this.settings.value()?.digest;
    this.chosen.set(digest);
    this.busy.set(true);
    this.outcome.set(null);
    const body: NotificationSettingsDto = { digest };
    this.http.put<NotificationSettingsDto>(this.url, body).subscribe({
      next: (saved) => {
        this.busy.set(false);
        this.settings.set(saved);
        this.outcome.set({ key: 'saved', error: false });
      },
      error: () => {
        this.busy.set(false);
        this.chosen.set(before); // back to what is stored
        this.outcome.set({ key: 'saveError', error: true });
      },
    });
  }
}
