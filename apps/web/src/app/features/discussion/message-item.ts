import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { REACTIONS, type MessageAttachmentDto, type MessageDto } from '@allmende/contracts';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { filter } from 'rxjs';
import { LanguageService } from '../../core/i18n/language-service';
import { openConfirmDialog } from '../../shared/confirm-dialog';
import { formatBerlinDateTime } from '../meetings/berlin-time';
import { formatBytes } from '../meetings/meeting-documents-model';
import { excerpt } from './composer-model';
import { DiscussionApi } from './discussion-api';
import { discussionError } from './discussion-errors';
import { MuteDialog, MuteDialogData } from './mute-dialog';
import { askReason } from './reason-dialog';
import { RevisionsDialog, RevisionsDialogData } from './revisions-dialog';
import { ThreadStore } from './thread-store';

/** Names of the offered reactions under `discussion.reactionNames.*` (screen readers read emoji unevenly). */
const REACTION_KEYS: Readonly<Record<string, string>> = { '👍': 'thumbsUp', '❤️': 'heart', '🎉': 'party', '💡': 'idea', '❓': 'question' };

/**
 * One message of a thread: author, time (Berlin), the rendered text, the message it
 * answers, attachments, reactions and what I may do with it (reply, edit, delete,
 * report; hide and mute as a moderator).
 */
@Component({
  selector: 'alm-message',
  imports: [MatButton, MatMenu, MatMenuItem, MatMenuTrigger, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './message-item.html',
  styleUrl: './message-item.scss',
})
export class MessageItem {
  private readonly store = inject(ThreadStore);
  private readonly api = inject(DiscussionApi);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly lang = inject(LanguageService).current;

  readonly message = input.required<MessageDto>();
  /** The message this one answers: null when it is not loaded (older). */
  readonly parent = input<MessageDto | null>(null);
  /** Shown marked (a notification led here). */
  readonly highlighted = input(false);

  protected readonly reactions = REACTIONS;
  protected readonly headId = computed(() => `message-head-${this.message().id}`);
  protected readonly mine = computed(() => !!this.message().author && this.message().author?.id === this.store.myId());
  protected readonly moderator = this.store.canModerate;
  protected readonly canPost = this.store.canPost;
  /** The text is not shown (deleted, or hidden from me). */
  protected readonly withoutText = computed(() => this.message().deleted || (this.message().hidden && !this.message().bodyHtml));
  protected readonly canEdit = computed(() => this.mine() && this.canPost() && !this.message().deleted);
  protected readonly canDelete = computed(() => (this.mine() || this.moderator()) && !this.message().deleted);
  protected readonly canSeeRevisions = computed(() => this.mine() || this.moderator());
  protected readonly canMute = computed(() => {
    const thread = this.store.thread();
    const author = this.message().author;
    return this.moderator() && thread?.subjectType === 'group' && !!thread.subjectId && !!author && !this.mine();
  });
  protected readonly shownReactions = computed(() => this.message().reactions.filter((r) => r.count > 0));
  protected readonly authorName = computed(
    () => this.message().author?.name ?? this.transloco.translate<string>('discussion.message.unknownAuthor'),
  );

  protected when(iso: string): string {
    return formatBerlinDateTime(iso, this.lang());
  }

  protected excerpt(message: MessageDto): string {
    return message.deleted ? this.transloco.translate<string>('discussion.message.deleted') : excerpt(message.body) || '…';
  }

  protected reactionName(emoji: string): string {
    const key = REACTION_KEYS[emoji];
    return key ? this.transloco.translate<string>(`discussion.reactionNames.${key}`) : emoji;
  }

  protected isMine(emoji: string): boolean {
    return this.message().reactions.some((r) => r.emoji === emoji && r.mine);
  }

  protected size(attachment: MessageAttachmentDto): string {
    return formatBytes(attachment.sizeBytes, this.lang());
  }

  protected reply(): void {
    this.store.editing.set(null);
    this.store.replyTo.set(this.message());
  }

  protected edit(): void {
    this.store.editing.set(this.message());
  }

  protected react(emoji: string): void {
    this.store.react(this.message().id, emoji).subscribe({
      error: (error: unknown) => this.fail(error),
    });
  }

  protected jumpToParent(): void {
    const parent = this.parent();
    if (!parent) return;
    const target = this.document.getElementById(`message-${parent.id}`);
    target?.scrollIntoView?.({ block: 'center' });
    target?.focus();
  }

  protected download(attachment: MessageAttachmentDto): void {
    this.api.download(this.message().id, attachment.id).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const link = this.document.createElement('a');
        link.href = url;
        link.download = attachment.filename;
        this.document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(url), 1000);
      },
      error: (error: unknown) => this.fail(error),
    });
  }

  protected showRevisions(): void {
    this.dialog.open<RevisionsDialog, RevisionsDialogData>(RevisionsDialog, {
      data: { messageId: this.message().id, author: this.authorName() },
      width: '36rem',
      maxWidth: '95vw',
    });
  }

  protected remove(): void {
    const t = (key: string) => this.transloco.translate<string>(`discussion.dialogs.delete.${key}`);
    const id = this.message().id;
    openConfirmDialog(this.dialog, { title: t('title'), message: t('text'), confirm: t('confirm'), cancel: t('cancel') })
      .pipe(filter(Boolean))
      .subscribe(() =>
        this.store.remove(id).subscribe({
          next: () => {
            if (this.store.editing()?.id === id) this.store.editing.set(null);
            this.store.notice.set({ key: 'discussion.notices.deleted' });
          },
          error: (error: unknown) => this.fail(error),
        }),
      );
  }

  protected report(): void {
    const id = this.message().id;
    askReason(this.dialog, { kind: 'report', params: { name: this.authorName() }, required: true })
      .pipe(filter((reason): reason is string => reason !== undefined))
      .subscribe((reason) =>
        this.api.report(id, reason).subscribe({
          next: () => this.store.notice.set({ key: 'discussion.notices.reported' }),
          error: (error: unknown) => this.fail(error),
        }),
      );
  }

  protected hide(hidden: boolean): void {
    const id = this.message().id;
    askReason(this.dialog, { kind: hidden ? 'hide' : 'unhide', params: { name: this.authorName() }, required: hidden })
      .pipe(filter((reason): reason is string => reason !== undefined))
      .subscribe((reason) =>
        this.store.hide(id, hidden, reason || null).subscribe({
          next: () => this.store.notice.set({ key: hidden ? 'discussion.notices.hidden' : 'discussion.notices.unhidden' }),
          error: (error: unknown) => this.fail(error),
        }),
      );
  }

  protected mute(): void {
    const thread = this.store.thread();
    const author = this.message().author;
    if (!thread?.subjectId || !author) return;
    this.dialog
      .open<MuteDialog, MuteDialogData, boolean>(MuteDialog, {
        data: { groupId: thread.subjectId, person: author },
        width: '34rem',
        maxWidth: '95vw',
      })
      .afterClosed()
      .pipe(filter(Boolean))
      .subscribe(() => this.store.notice.set({ key: 'discussion.notices.muted', params: { name: author.name } }));
  }

  private fail(error: unknown): void {
    const e = discussionError(error);
    this.store.notice.set({ key: e.key, params: e.params, error: true });
  }
}
