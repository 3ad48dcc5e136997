import { ChangeDetectionStrategy, Component, DestroyRef, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { Router } from '@angular/router';
import { TIME_ZONE, type NotificationDto } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language-service';
import { NotificationsStore } from '../notifications/notifications-store';

const LOCALES = { de: 'de-DE', en: 'en-GB' } as const;

/**
 * The bell in the app bar (signed-in persons; loaded after the first render): the
 * number of unread notifications, and a menu with the latest ones, each leading to
 * where it happened, and "mark all as read". Updates live.
 */
@Component({
  selector: 'alm-notification-bell',
  imports: [MatButton, MatMenu, MatMenuContent, MatMenuItem, MatMenuTrigger, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ng-container *transloco="let t; prefix: 'notifications'">
      <button
        mat-button
        type="button"
        class="menu-button bell"
        [matMenuTriggerFor]="menu"
        [attr.aria-label]="unread() === 0 ? t('bell') : t(unread() === 1 ? 'bellUnreadOne' : 'bellUnread', { count: unread() })"
        data-testid="notification-bell"
      >
        <svg class="bell-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
          <path
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
            fill="currentColor"
          />
        </svg>
        @if (unread() > 0) {
          <span class="badge" aria-hidden="true" data-testid="notification-count">{{ unread() > 99 ? '99+' : unread() }}</span>
        }
      </button>
      <mat-menu #menu="matMenu" xPosition="before" class="alm-notifications-panel">
        <ng-template matMenuContent>
          <p class="panel-heading">{{ t('heading') }}</p>
          <button mat-menu-item type="button" [disabled]="unread() === 0" (click)="markAllRead()" data-testid="notifications-mark-all">
            {{ t('markAllRead') }}
          </button>
          @if (items().length === 0) {
            <p class="empty" data-testid="notifications-empty">{{ t(failed() ? 'loadError' : loaded() ? 'empty' : 'loading') }}</p>
          }
          @for (n of items(); track n.id) {
            <a mat-menu-item class="item" [class.unread]="!n.read" [href]="n.link" (click)="open($event, n)" data-testid="notification-item">
              <span class="item-text">
                @if (!n.read) {
                  <span class="alm-visually-hidden">{{ t('unreadPrefix') }} </span>
                }
                {{ n.text }}
              </span>
              <time class="item-time" [attr.datetime]="n.createdAt">{{ when(n.createdAt) }}</time>
            </a>
          }
        </ng-template>
      </mat-menu>
    </ng-container>
  `,
  styleUrls: ['./app-bar-button.scss', './notification-bell.scss'],
})
export class NotificationBell {
  private readonly store = inject(NotificationsStore);
  private readonly router = inject(Router);
  private readonly lang = inject(LanguageService).current;

  protected readonly items = this.store.items;
  protected readonly unread = this.store.unread;
  protected readonly loaded = this.store.loaded;
  protected readonly failed = this.store.failed;

  constructor() {
    this.store.start();
    // the bell goes with the session
    inject(DestroyRef).onDestroy(() => this.store.stop());
  }

  protected when(iso: string): string {
    return new Intl.DateTimeFormat(LOCALES[this.lang()], { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(new Date(iso));
  }

  protected markAllRead(): void {
    this.store.markAllRead().subscribe({ error: () => undefined });
  }

  /** Follows the notification's link inside the app, and marks it read. */
  protected open(event: MouseEvent, notification: NotificationDto): void {
    this.store.markRead(notification).subscribe({ error: () => undefined });
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // a new tab or window
    event.preventDefault();
    void this.router.navigateByUrl(notification.link);
  }
}
