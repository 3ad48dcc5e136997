import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { MessageDto, NamedRef, PostMessageRequest, ThreadDto } from '@allmende/contracts';
import { Observable, Subject, firstValueFrom, forkJoin, retry, tap, throwError, timer } from 'rxjs';
import { AuthStore } from '../../core/auth/auth-store';
import { DiscussionApi } from './discussion-api';
import { isNetworkError } from './discussion-errors';
import { applyUpdate, highestId, lowestId, markDeleted, mergeMessages } from './message-merge';
import { ThreadReplay, ThreadRoom } from './thread-room';

/**
 * Pauses before a post is sent again after a network error (same client id, so the
 * server stores it once); one retry per entry.
 */
export const POST_RETRY_DELAYS_MS = new InjectionToken<readonly number[]>('POST_RETRY_DELAYS_MS', {
  providedIn: 'root',
  factory: () => [1000, 3000],
});

/** A message to show after an action: a translation key, its parameters, and whether it went wrong. */
export interface ThreadNotice {
  key: string;
  params?: Record<string, string | number>;
  error?: boolean;
}

/** How long "X schreibt …" stays after the last typing signal. */
export const TYPING_SHOWN_MS = 3000;
/** Messages per page when catching up after a long disconnect. */
const CATCH_UP_LIMIT = 200;

/**
 * The state of one open thread (provide it, with ThreadRoom, in the thread page): the
 * thread, its messages (sorted by id, each once, whether they came over HTTP, in the
 * replay after a reconnect or live), who is typing and who is reading, and the calls
 * that change them.
 */
@Injectable()
export class ThreadStore {
  private readonly api = inject(DiscussionApi);
  private readonly room = inject(ThreadRoom);
  private readonly auth = inject(AuthStore);
  private readonly retryDelays = inject(POST_RETRY_DELAYS_MS);

  private threadId: string | null = null;
  private lastMarked = 0;
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly arrivals = new Subject<MessageDto[]>();

  readonly thread = signal<ThreadDto | null>(null);
  readonly loadError = signal<unknown>(null);
  readonly messages = signal<readonly MessageDto[]>([]);
  /** Older messages exist than the first one loaded. */
  readonly hasOlder = signal(false);
  readonly loadingOlder = signal(false);
  /** Others reading the thread now. */
  readonly readers = signal<readonly NamedRef[]>([]);
  /** Others typing now. */
  readonly typing = signal<readonly NamedRef[]>([]);
  /** The message the composer answers, or null. */
  readonly replyTo = signal<MessageDto | null>(null);
  /** My message the composer edits, or null. */
  readonly editing = signal<MessageDto | null>(null);
  /** The outcome of the last action on a message or the thread (shown by the page). */
  readonly notice = signal<ThreadNotice | null>(null);
  readonly roomState = this.room.state;
  /** Messages of others that arrived while the page was open (for the live announcement). */
  readonly arrived$: Observable<MessageDto[]> = this.arrivals.asObservable();

  readonly myId = computed(() => this.auth.me()?.id ?? null);
  readonly canModerate = computed(() => this.thread()?.permissions.canModerate ?? false);
  readonly canPost = computed(() => {
    const thread = this.thread();
    return !!thread && thread.permissions.canPost && !thread.locked;
  });

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.room.message$.pipe(takeUntilDestroyed(destroyRef)).subscribe((m) => this.add([m], 'current'));
    this.room.updated$
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((m) => this.messages.update((list) => applyUpdate(list, m, { broadcast: true, moderator: this.canModerate() })));
    this.room.replay$.pipe(takeUntilDestroyed(destroyRef)).subscribe((replay) => void this.replay(replay));
    this.room.typing$.pipe(takeUntilDestroyed(destroyRef)).subscribe((person) => this.someoneTypes(person));
    this.room.presence$
      .pipe(takeUntilDestroyed(destroyRef))
      .subscribe((readers) => this.readers.set(readers.filter((r) => r.id !== this.myId())));
    this.room.locked$.pipe(takeUntilDestroyed(destroyRef)).subscribe(({ locked, reason }) =>
      this.thread.update((t) =>
        t ? { ...t, locked, lockReason: locked ? reason : null, permissions: { ...t.permissions, canPost: !locked } } : t,
      ),
    );
    destroyRef.onDestroy(() => {
      this.typingTimers.forEach((timer) => clearTimeout(timer));
      this.typingTimers.clear();
    });
  }

  /** Loads the thread and its newest messages, then joins its room (the replay fills any gap). */
  async open(threadId: string): Promise<void> {
    this.threadId = threadId;
    this.thread.set(null);
    this.loadError.set(null);
    this.messages.set([]);
    this.hasOlder.set(false);
    this.readers.set([]);
    this.typing.set([]);
    this.replyTo.set(null);
    this.editing.set(null);
    this.notice.set(null);
    this.lastMarked = 0;
    try {
      const { thread, page } = await firstValueFrom(forkJoin({ thread: this.api.getThread(threadId), page: this.api.messages(threadId) }));
      if (this.threadId !== threadId) return;
      this.thread.set(thread);
      this.messages.set(mergeMessages([], page.items));
      this.hasOlder.set(page.hasMore);
    } catch (error) {
      if (this.threadId === threadId) this.loadError.set(error);
      return;
    }
    await this.room.join(threadId, () => highestId(this.messages()));
  }

  /** Loads the page before the first message shown; false when there was none or it failed. */
  async loadOlder(): Promise<boolean> {
    const threadId = this.threadId;
    const first = lowestId(this.messages());
    if (!threadId || first === null || this.loadingOlder()) return false;
    this.loadingOlder.set(true);
    try {
      const page = await firstValueFrom(this.api.messages(threadId, { before: first }));
      if (threadId !== this.threadId) return false;
      this.messages.update((list) => mergeMessages(list, page.items, 'current'));
      this.hasOlder.set(page.hasMore);
      return page.items.length > 0;
    } finally {
      this.loadingOlder.set(false);
    }
  }

  /** Loads older pages until message `id` is there (a link from a notification); false when it is not found. */
  async loadUntil(id: number, maxPages = 20): Promise<boolean> {
    for (let i = 0; i < maxPages; i++) {
      if (this.messages().some((m) => m.id === id)) return true;
      const first = lowestId(this.messages());
      if (first === null || first < id || !this.hasOlder()) return false;
      if (!(await this.loadOlder())) return false;
    }
    return this.messages().some((m) => m.id === id);
  }

  /** Tells the API I have read up to the newest message shown (once per new message). */
  markRead(): void {
    const threadId = this.threadId;
    const last = highestId(this.messages());
    if (!threadId || last === null || last <= this.lastMarked) return;
    this.lastMarked = last;
    this.api.markRead(threadId, last).subscribe({
      next: () => this.thread.update((t) => (t ? { ...t, unread: 0 } : t)),
      error: () => (this.lastMarked = 0), // tried again with the next message
    });
  }

  /**
   * Posts a message. A network error sends it again with the same client id (the server
   * stores it once); other errors, and a network error after the last retry, fail.
   */
  post(request: PostMessageRequest): Observable<MessageDto> {
    const threadId = this.threadId;
    if (!threadId) return throwError(() => new Error('No thread open'));
    return this.api.post(threadId, request).pipe(
      retry({
        count: this.retryDelays.length,
        delay: (error: unknown, attempt: number) =>
          isNetworkError(error) ? timer(this.retryDelays[attempt - 1] ?? 0) : throwError(() => error),
      }),
      tap((message) => this.add([message], 'incoming')),
    );
  }

  edit(id: number, body: string): Observable<MessageDto> {
    return this.api.edit(id, body).pipe(tap((m) => this.replace(m)));
  }

  remove(id: number): Observable<void> {
    return this.api.remove(id).pipe(tap(() => this.messages.update((list) => markDeleted(list, id))));
  }

  react(id: number, emoji: string): Observable<MessageDto> {
    return this.api.react(id, emoji).pipe(tap((m) => this.replace(m)));
  }

  hide(id: number, hidden: boolean, reason: string | null): Observable<MessageDto> {
    return this.api.hide(id, hidden, reason).pipe(tap((m) => this.replace(m)));
  }

  lock(locked: boolean, reason: string | null): Observable<ThreadDto> {
    const threadId = this.threadId;
    if (!threadId) return throwError(() => new Error('No thread open'));
    return this.api.lock(threadId, locked, reason).pipe(tap((t) => this.thread.set(t)));
  }

  /** I am typing (the room hears of it at most every 2 s). */
  typed(): void {
    this.room.typing();
  }

  /** Replaces a message with the caller's own view of it (an HTTP answer). */
  private replace(message: MessageDto): void {
    this.messages.update((list) => applyUpdate(list, message, { broadcast: false, moderator: this.canModerate() }));
  }

  /** Adds messages (each id once), tells which of others' are new, and stops their typing indicator. */
  private add(incoming: MessageDto[], keep: 'incoming' | 'current'): void {
    if (!incoming.length) return;
    const before = this.messages();
    const known = new Set(before.map((m) => m.id));
    const after = mergeMessages(before, incoming, keep);
    if (after === before) return;
    this.messages.set(after);
    const me = this.myId();
    const fresh = incoming.filter((m) => !known.has(m.id) && m.author?.id !== me && !m.deleted);
    for (const m of fresh) if (m.author) this.stopTyping(m.author.id);
    if (fresh.length) this.arrivals.next(fresh);
  }

  /** Merges what a (re)join brought; when more was missed than it carries, loads the rest over HTTP. */
  private async replay({ missed, hasMore }: ThreadReplay): Promise<void> {
    const threadId = this.threadId;
    this.add(missed, 'incoming');
    let more = hasMore;
    try {
      for (let i = 0; more && i < 50 && threadId === this.threadId && threadId; i++) {
        const after = highestId(this.messages()) ?? 0;
        const page = await firstValueFrom(this.api.messages(threadId, { after, limit: CATCH_UP_LIMIT }));
        if (threadId !== this.threadId) return;
        this.add(page.items, 'incoming');
        more = page.hasMore && page.items.length > 0;
      }
    } catch {
      // the next reconnect or new message catches up again
    }
  }

  private someoneTypes(person: NamedRef): void {
    if (person.id === this.myId()) return;
    clearTimeout(this.typingTimers.get(person.id));
    this.typingTimers.set(
      person.id,
      setTimeout(() => this.stopTyping(person.id), TYPING_SHOWN_MS),
    );
    this.typing.update((list) => (list.some((p) => p.id === person.id) ? list : [...list, person]));
  }

  private stopTyping(personId: string): void {
    clearTimeout(this.typingTimers.get(personId));
    this.typingTimers.delete(personId);
    this.typing.update((list) => (list.some((p) => p.id === personId) ? list.filter((p) => p.id !== personId) : list));
  }
}
