import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { DOCUMENT_MAX_BYTES, type MessageAttachmentDto, type MessageDto, type NamedRef } from '@allmende/contracts';
import { TranslocoDirective } from '@jsverse/transloco';
import { Subject, catchError, debounceTime, of, switchMap } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { DOCUMENT_ACCEPT, documentProblem, documentTypeList, formatBytes } from '../meetings/meeting-documents-model';
import {
  MAX_ATTACHMENTS,
  MESSAGE_MAX_LENGTH,
  MentionQuery,
  excerpt,
  insertMention,
  mentionQueryAt,
  newClientId,
} from './composer-model';
import { DiscussionApi } from './discussion-api';
import { DiscussionError, discussionError } from './discussion-errors';
import { ThreadStore } from './thread-store';

interface Status {
  key: string;
  params: Record<string, string | number>;
}

/**
 * Writes a message into the open thread (or edits one of mine): Enter sends, Shift+Enter
 * starts a new line, `@` suggests persons who read the thread (arrow keys, Enter or Tab
 * takes one, Escape closes), documents are attached before sending. A failed post keeps
 * the text and its client id, so sending it again never stores it twice.
 */
@Component({
  selector: 'alm-composer',
  imports: [MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './composer.html',
  styleUrl: './composer.scss',
})
export class Composer {
  private readonly store = inject(ThreadStore);
  private readonly api = inject(DiscussionApi);
  private readonly injector = inject(Injector);
  private readonly lang = inject(LanguageService).current;
  private readonly textarea = viewChild.required<ElementRef<HTMLTextAreaElement>>('textarea');
  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');

  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly accept = DOCUMENT_ACCEPT;
  protected readonly replyTo = this.store.replyTo;
  protected readonly editing = this.store.editing;

  protected readonly text = signal('');
  protected readonly attachments = signal<readonly MessageAttachmentDto[]>([]);
  protected readonly uploading = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<DiscussionError | null>(null);
  protected readonly status = signal<Status | null>(null);
  protected readonly canAttach = computed(() => !this.editing() && this.attachments().length < MAX_ATTACHMENTS);

  /** The @-mention being typed, and the persons it may mean. */
  private readonly mention = signal<MentionQuery | null>(null);
  protected readonly suggestions = signal<readonly NamedRef[]>([]);
  protected readonly active = signal(0);
  protected readonly mentionOpen = computed(() => this.mention() !== null && this.suggestions().length > 0);
  private readonly queries = new Subject<string | null>();

  /** The client id of the post being sent; kept across retries until it is stored. */
  private clientId: string | null = null;
  /** What was in the composer before editing started, back after the edit. */
  private draftBeforeEdit = '';
  private editingId: number | null = null;

  constructor() {
    const destroyRef = inject(DestroyRef);
    this.queries
      .pipe(
        debounceTime(150),
        switchMap((q) => {
          const threadId = this.store.thread()?.id;
          return q === null || !threadId ? of([]) : this.api.mentionable(threadId, q).pipe(catchError(() => of([])));
        }),
        takeUntilDestroyed(destroyRef),
      )
      .subscribe((persons) => {
        this.suggestions.set(this.mention() ? persons.filter((p) => p.id !== this.store.myId()) : []);
        this.active.set(0);
      });

    // answering or editing starts in the text field
    effect(() => {
      const reply = this.replyTo();
      if (reply) untracked(() => this.focus());
    });
    effect(() => {
      const message = this.editing();
      untracked(() => this.startEdit(message));
    });
  }

  protected optionId(index: number): string {
    return `composer-mention-${index}`;
  }

  protected excerpt(message: MessageDto): string {
    return excerpt(message.body);
  }

  protected onInput(event: Event): void {
    const textarea = event.target as HTMLTextAreaElement;
    this.text.set(textarea.value);
    this.error.set(null);
    if (!this.editing()) this.store.typed();
    this.findMention(textarea);
  }

  protected onCaretMove(): void {
    this.findMention(this.textarea().nativeElement);
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (this.mentionOpen()) {
      const count = this.suggestions().length;
      switch (event.key) {
        case 'ArrowDown':
          event.preventDefault();
          this.active.update((i) => (i + 1) % count);
          return;
        case 'ArrowUp':
          event.preventDefault();
          this.active.update((i) => (i - 1 + count) % count);
          return;
        case 'Enter':
        case 'Tab':
          event.preventDefault();
          this.choose(this.suggestions()[this.active()]);
          return;
        case 'Escape':
          event.preventDefault();
          event.stopPropagation();
          this.closeMentions();
          return;
      }
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.send();
    } else if (event.key === 'Escape' && (this.editing() || this.replyTo())) {
      event.preventDefault();
      this.cancelContext();
    }
  }

  /** Puts the chosen person's mention token where the `@…` was typed. */
  protected choose(person: NamedRef): void {
    const mention = this.mention();
    const textarea = this.textarea().nativeElement;
    if (!mention) return;
    const result = insertMention(textarea.value, mention, textarea.selectionStart ?? textarea.value.length, person);
    textarea.value = result.text;
    this.text.set(result.text);
    textarea.focus();
    textarea.setSelectionRange(result.caret, result.caret);
    this.closeMentions();
  }

  protected cancelContext(): void {
    if (this.editing()) this.store.editing.set(null);
    else this.store.replyTo.set(null);
    this.focus();
  }

  protected chooseFile(): void {
    this.fileInput()?.nativeElement.click();
  }

  protected onFile(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    const threadId = this.store.thread()?.id;
    if (!file || !threadId) return;
    const problem = documentProblem(file, this.lang());
    if (problem) {
      this.error.set({ key: problem.key, params: problem.params });
      return;
    }
    this.uploading.set(true);
    this.error.set(null);
    this.status.set({ key: 'discussion.composer.uploading', params: { name: file.name } });
    this.api.upload(threadId, file).subscribe({
      next: (attachment) => {
        this.uploading.set(false);
        this.attachments.update((list) => [...list, attachment]);
        this.status.set({ key: 'discussion.composer.attached', params: { name: attachment.filename } });
        this.focus();
      },
      error: (error: unknown) => {
        this.uploading.set(false);
        this.status.set(null);
        const e = discussionError(error);
        this.error.set({ ...e, params: { ...e.params, max: formatBytes(DOCUMENT_MAX_BYTES, this.lang()), types: documentTypeList() } });
      },
    });
  }

  protected removeAttachment(attachment: MessageAttachmentDto): void {
    this.attachments.update((list) => list.filter((a) => a.id !== attachment.id));
    this.status.set({ key: 'discussion.composer.detached', params: { name: attachment.filename } });
    this.focus();
  }

  protected size(attachment: MessageAttachmentDto): string {
    return formatBytes(attachment.sizeBytes, this.lang());
  }

  protected send(): void {
    if (this.busy() || this.uploading()) return;
    const body = this.text().trim();
    if (!body) {
      this.error.set({ key: 'discussion.composer.empty', params: {} });
      this.focus();
      return;
    }
    if (body.length > MESSAGE_MAX_LENGTH) {
      this.error.set({ key: 'discussion.composer.tooLong', params: { max: MESSAGE_MAX_LENGTH } });
      this.focus();
      return;
    }
    const editing = this.editing();
    if (editing) {
      this.submit(this.store.edit(editing.id, body), () => {
        this.store.editing.set(null); // restores the draft
        this.status.set({ key: 'discussion.composer.saved', params: {} });
      });
      return;
    }
    this.clientId ??= newClientId();
    const attachmentIds = this.attachments().map((a) => a.id);
    const request = {
      clientId: this.clientId,
      body,
      parentId: this.replyTo()?.id ?? null,
      ...(attachmentIds.length ? { attachmentIds } : {}),
    };
    this.submit(this.store.post(request), () => {
      this.clientId = null;
      this.setText('');
      this.attachments.set([]);
      this.store.replyTo.set(null);
      this.status.set({ key: 'discussion.composer.sent', params: {} });
    });
  }

  private submit(request: ReturnType<ThreadStore['post']> | ReturnType<ThreadStore['edit']>, done: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    this.status.set(null);
    this.closeMentions();
    request.subscribe({
      next: () => {
        this.busy.set(false);
        done();
        this.focus();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(discussionError(error, this.lang())); // the text stays; a mute says until when
        this.focus();
      },
    });
  }

  private startEdit(message: MessageDto | null): void {
    if (message) {
      if (this.editingId === null) this.draftBeforeEdit = this.text();
      this.editingId = message.id;
      this.store.replyTo.set(null);
      this.setText(message.body);
      this.error.set(null);
      this.focus(true);
    } else if (this.editingId !== null) {
      this.editingId = null;
      this.setText(this.draftBeforeEdit);
      this.draftBeforeEdit = '';
    }
  }

  private setText(value: string): void {
    this.text.set(value);
    const textarea = this.textarea().nativeElement;
    textarea.value = value;
  }

  private findMention(textarea: HTMLTextAreaElement): void {
    const caret = textarea.selectionStart ?? textarea.value.length;
    const mention = textarea.selectionStart === textarea.selectionEnd ? mentionQueryAt(textarea.value, caret) : null;
    const previous = this.mention();
    this.mention.set(mention);
    if (!mention) {
      if (previous) this.closeMentions();
      return;
    }
    if (mention.query !== previous?.query) this.queries.next(mention.query);
  }

  private closeMentions(): void {
    this.mention.set(null);
    this.suggestions.set([]);
    this.active.set(0);
    this.queries.next(null);
  }

  private focus(toEnd = false): void {
    afterNextRender(
      () => {
        const textarea = this.textarea().nativeElement;
        textarea.focus();
        if (toEnd) textarea.setSelectionRange(textarea.value.length, textarea.value.length);
      },
      { injector: this.injector },
    );
  }
}
