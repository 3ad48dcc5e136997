import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { RouterLink } from '@angular/router';
import type { MessageDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { apiErrorStatus } from '../../shared/api-error';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { typingMessage } from './composer-model';
import { Composer } from './composer';
import { discussionError } from './discussion-errors';
import { findMessage } from './message-merge';
import { MessageItem } from './message-item';
import { askReason } from './reason-dialog';
import { ThreadRoom } from './thread-room';
import { ThreadStore } from './thread-store';

/**
 * `/threads/:id`: one discussion thread, live. Messages in order (older ones on demand),
 * who is reading and typing, a composer, and the moderators' tools. New messages of
 * others are announced politely to screen readers; what is shown is marked read.
 * `?message=<id>` (from a notification) brings that message into view.
 */
@Component({
  selector: 'alm-thread-page',
  imports: [MatButton, MatProgressSpinner, RouterLink, TranslocoDirective, MessageItem, Composer],
  providers: [ThreadRoom, ThreadStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './thread-page.html',
  styleUrl: './thread-page.scss',
})
export class ThreadPage {
  protected readonly store = inject(ThreadStore);
  private readonly transloco = inject(TranslocoService);
  private readonly dialog = inject(MatDialog);
  private readonly document = inject(DOCUMENT);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly lang = inject(LanguageService).current;

  /** Route parameter `:id` (component input binding). */
  readonly id = input.required<string>();
  /** Query parameter `message`: the message to bring into view. */
  readonly message = input<string | undefined>(undefined);

  protected readonly thread = this.store.thread;
  protected readonly messages = this.store.messages;
  protected readonly announcement = signal('');
  /** The thread loaded (or loading). */
  private loadedId: string | null = null;
  protected readonly highlighted = signal<number | null>(null);
  protected readonly typingText = computed(() => typingMessage(this.store.typing().map((p) => p.name)));
  protected readonly readerNames = computed(() => this.store.readers().map((r) => r.name).join(', '));
  protected readonly back = computed(() => {
    const thread = this.thread();
    if (!thread?.subjectId || !thread.subjectTitle) return null;
    if (thread.subjectType === 'group') return { link: ['/groups', thread.subjectId], key: 'discussion.thread.backToGroup', title: thread.subjectTitle };
    if (thread.subjectType === 'meeting') return { link: ['/meetings', thread.subjectId], key: 'discussion.thread.backToMeeting', title: thread.subjectTitle };
    return null;
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const message = this.message();
      untracked(() => {
        // another message of the thread shown (a second notification): no reload
        if (id === this.loadedId && this.thread()) void this.bringIntoView(message);
        else void this.load(id);
      });
    });

    this.store.arrived$.pipe(takeUntilDestroyed()).subscribe((messages) => {
      this.announce(messages);
      this.markReadSoon();
    });

    const onVisible = () => this.markReadSoon();
    this.document.addEventListener('visibilitychange', onVisible);
    inject(DestroyRef).onDestroy(() => this.document.removeEventListener('visibilitychange', onVisible));
  }

  protected parentOf(message: MessageDto): MessageDto | null {
    return findMessage(this.messages(), message.parentId);
  }

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  protected loadErrorKey(error: unknown): string {
    return apiErrorStatus(error) === 404 ? 'discussion.thread.notFound' : 'discussion.thread.loadError';
  }

  protected retry(): void {
    void this.load(this.id());
  }

  protected async loadOlder(): Promise<void> {
    const before = this.messages()[0]?.id;
    try {
      await this.store.loadOlder();
    } catch (error) {
      const e = discussionError(error);
      this.store.notice.set({ key: e.key, params: e.params, error: true });
      return;
    }
    // the button is gone when nothing older is left: continue at the message shown before
    if (!this.store.hasOlder() && before !== undefined) this.focusMessage(before);
  }

  protected toComposer(): void {
    this.document.getElementById('composer-text')?.focus();
  }

  protected toggleLock(): void {
    const thread = this.thread();
    if (!thread) return;
    const locking = !thread.locked;
    askReason(this.dialog, { kind: locking ? 'lock' : 'unlock', params: { title: thread.title }, required: false })
      .pipe(filter((reason): reason is string => reason !== undefined))
      .subscribe((reason) =>
        this.store.lock(locking, reason || null).subscribe({
          next: () => this.store.notice.set({ key: locking ? 'discussion.notices.locked' : 'discussion.notices.unlocked' }),
          error: (error: unknown) => {
            const e = discussionError(error);
            this.store.notice.set({ key: e.key, params: e.params, error: true });
          },
        }),
      );
  }

  private async load(id: string): Promise<void> {
    this.loadedId = id;
    this.highlighted.set(null);
    await this.store.open(id);
    if (!this.thread() || id !== this.id()) return;
    await this.bringIntoView(this.message());
    this.markReadSoon();
  }

  /** Shows message `param` (the `message` query parameter), loading older pages up to it. */
  private async bringIntoView(param: string | undefined): Promise<void> {
    const wanted = Number(param);
    if (!Number.isSafeInteger(wanted) || wanted <= 0) return;
    try {
      if (await this.store.loadUntil(wanted)) {
        this.highlighted.set(wanted);
        this.focusMessage(wanted);
      }
    } catch {
      // the newest messages are shown anyway
    }
  }

  /** Marks what is shown as read, when the page is visible. */
  private markReadSoon(): void {
    afterNextRender(
      () => {
        if (this.document.visibilityState !== 'hidden') this.store.markRead();
      },
      { injector: this.injector },
    );
  }

  private announce(messages: MessageDto[]): void {
    const text =
      messages.length === 1
        ? this.transloco.translate<string>('discussion.announce.one', {
            name: messages[0].author?.name ?? this.transloco.translate<string>('discussion.message.unknownAuthor'),
          })
        : this.transloco.translate<string>('discussion.announce.many', { count: messages.length });
    // the same text twice in a row is announced again
    this.announcement.set(this.announcement() === text ? `${text}\u00a0` : text);
  }

  private focusMessage(id: number): void {
    afterNextRender(
      () => {
        const target = this.host.nativeElement.querySelector<HTMLElement>(`#message-${id}`);
        target?.scrollIntoView?.({ block: 'center' });
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
