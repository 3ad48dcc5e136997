import { HttpClient } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { NotificationDto, NotificationPage } from '@allmende/contracts';
import { Observable, map, tap } from 'rxjs';
import { API_BASE_URL } from '../api/api-base-url';
import { AuthStore } from '../auth/auth-store';
import { SharedRealtime } from '../realtime/shared-realtime';

/** How many notifications the panel keeps (the API sends the latest ones). */
const KEPT = 50;

/**
 * My notifications (mentions, replies, new topics, changed meetings) and how many are
 * unread. Started by the app bar's bell once signed in: loads them over HTTP, then goes
 * live over the shared connection ('notification:new'); after the connection comes back
 * it loads them again, as events are not kept for a disconnected client.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private readonly base = inject(API_BASE_URL);
  private readonly auth = inject(AuthStore);
  private readonly realtime = inject(SharedRealtime);

  /** The person the notifications are of (null: stopped). */
  private personId: string | null = null;
  private connects = 0;

  readonly items = signal<readonly NotificationDto[]>([]);
  readonly unread = signal(0);
  readonly loaded = signal(false);
  readonly failed = signal(false);

  constructor() {
    this.realtime.on('notification:new').subscribe(({ notification, unread }) => {
      if (!this.personId) return;
      this.items.update((list) => [notification, ...list.filter((n) => n.id !== notification.id)].slice(0, KEPT));
      this.unread.set(unread);
    });
    this.realtime.connected$.subscribe(() => {
      // the first connect follows the first load; later ones may have missed something
      if (this.personId && this.connects++ > 0) this.load();
    });
  }

  /** Loads the signed-in person's notifications and goes live (once per person). */
  start(): void {
    const personId = this.auth.me()?.id ?? null;
    if (!personId || personId === this.personId) return;
    this.reset();
    this.personId = personId;
    // already connected (a thread page opened it first): the next connect is a reconnect
    this.connects = this.realtime.state() === 'connected' ? 1 : 0;
    this.load(() => void this.realtime.open());
  }

  /** Forgets the notifications (signed out). */
  stop(): void {
    this.reset();
  }

  /** Loads the latest notifications and the unread count. */
  load(then?: () => void): void {
    const personId = this.personId;
    this.http.get<NotificationPage>(`${this.base}/api/notifications`).subscribe({
      next: (page) => {
        if (personId !== this.personId) return;
        this.items.set(page.items.slice(0, KEPT));
        this.unread.set(page.unread);
        this.loaded.set(true);
        this.failed.set(false);
        then?.();
      },
      error: () => {
        if (personId === this.personId) this.failed.set(true);
      },
    });
  }

  /** Marks every notification read. */
  markAllRead(): Observable<void> {
    return this.http.post<void>(`${this.base}/api/notifications/read`, {}).pipe(
      tap(() => {
        this.items.update((list) => list.map((n) => (n.read ? n : { ...n, read: true })));
        this.unread.set(0);
      }),
    );
  }

  /** Marks one notification read (nothing to do when it is already). */
  markRead(notification: NotificationDto): Observable<void> {
    if (notification.read) return new Observable<void>((s) => s.complete());
    return this.http.post<void>(`${this.base}/api/notifications/read`, { ids: [notification.id] }).pipe(
      tap(() => {
        this.items.update((list) => list.map((n) => (n.id === notification.id ? { ...n, read: true } : n)));
        this.unread.update((count) => Math.max(0, count - 1));
      }),
      map(() => undefined),
    );
  }

  private reset(): void {
    this.personId = null;
    this.connects = 0;
    this.items.set([]);
    this.unread.set(0);
    this.loaded.set(false);
    this.failed.set(false);
  }
}
