import type { NamedRef } from './boards';

/**
 * Live discussion: threads attached to a working group, a meeting, a board card, or
 * the whole alliance (open topics). Who reads and writes follows the subject.
 */
export type ThreadSubjectType = 'group' | 'meeting' | 'card' | 'alliance';
export const THREAD_SUBJECT_TYPES: readonly ThreadSubjectType[] = ['group', 'meeting', 'card', 'alliance'];

export interface ThreadDto {
  id: string;
  subjectType: ThreadSubjectType;
  /** Null for alliance topics. */
  subjectId: string | null;
  /** Name of the group, meeting or card (null for alliance topics). */
  subjectTitle: string | null;
  title: string;
  createdBy: NamedRef | null;
  createdAt: string;
  lastMessageAt: string | null;
  messageCount: number;
  /** Messages after the caller's last read one. */
  unread: number;
  locked: boolean;
  lockReason: string | null;
  permissions: { canPost: boolean; canModerate: boolean };
}

export interface ThreadListQuery {
  subjectType?: ThreadSubjectType;
  subjectId?: string;
}

export interface CreateThreadRequest {
  subjectType: ThreadSubjectType;
  subjectId?: string | null;
  title: string;
  /** The first message. */
  body: string;
  clientId: string;
}

export interface ReactionDto {
  emoji: string;
  count: number;
  /** The caller reacted with this emoji. */
  mine: boolean;
}
/** The reactions offered (a small fixed set keeps them meaningful and accessible). */
export const REACTIONS: readonly string[] = ['👍', '❤️', '🎉', '💡', '❓'];

export interface MessageAttachmentDto {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

export interface MessageDto {
  /** Increasing across the whole platform: a client resumes "after" the last id it saw. */
  id: number;
  threadId: string;
  clientId: string;
  author: NamedRef | null;
  parentId: number | null;
  /** Markdown source (empty when deleted or hidden for the caller). */
  body: string;
  /** Rendered and sanitised on the server; mentions appear as `@Name`. */
  bodyHtml: string;
  mentions: NamedRef[];
  reactions: ReactionDto[];
  attachments: MessageAttachmentDto[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  /** Hidden by a moderator; moderators still see the text. */
  hidden: boolean;
  hiddenReason: string | null;
}

export interface MessagePage {
  items: MessageDto[];
  /** More messages follow after the last item. */
  hasMore: boolean;
}

export interface MessageListQuery {
  /** Only messages with a greater id (resume after a disconnect). */
  after?: number;
  /** Only messages with a smaller id (scroll back). */
  before?: number;
  limit?: number;
}

/**
 * Mentions are written as `@[Name](person:<uuid>)` (the composer inserts them);
 * only persons who may read the thread are notified.
 */
export const MENTION_PATTERN = /@\[([^\]\n]{1,100})\]\(person:([0-9a-f-]{36})\)/g;

export interface PostMessageRequest {
  /** Chosen by the client (uuid); a retried post with the same id is stored once. */
  clientId: string;
  body: string;
  parentId?: number | null;
  /** Attachments uploaded before with POST /api/threads/:id/attachments. */
  attachmentIds?: string[];
}

export interface EditMessageRequest {
  body: string;
}

export interface MessageRevisionDto {
  body: string;
  editedAt: string;
}

export interface ReactRequest {
  emoji: string;
}

/* ---------- moderation ---------- */

export interface ReportMessageRequest {
  reason: string;
}

export interface HideMessageRequest {
  hidden: boolean;
  reason?: string | null;
}

export interface LockThreadRequest {
  locked: boolean;
  reason?: string | null;
}

export interface MuteRequest {
  personId: string;
  /** Muted until this time (ISO). */
  until: string;
  reason: string;
}

/** An active mute in a working group (GET /api/working-groups/:id/mutes, newest first). */
export interface GroupMuteDto {
  person: NamedRef;
  /** Muted until this time (ISO). */
  until: string;
  reason: string;
  /** Null when the person who muted has since deleted their account. */
  mutedBy: NamedRef | null;
  /** When the mute was set or last changed (ISO). */
  mutedAt: string;
}

export interface ReportDto {
  id: string;
  message: MessageDto;
  threadId: string;
  threadTitle: string;
  reporter: NamedRef | null;
  reason: string;
  createdAt: string;
  resolvedAt: string | null;
}

export interface ModerationLogEntryDto {
  id: string;
  actor: NamedRef | null;
  action: 'hide' | 'unhide' | 'lock' | 'unlock' | 'mute' | 'unmute' | 'report' | 'resolve_report' | 'delete';
  subjectType: 'message' | 'thread' | 'person';
  subjectId: string;
  reason: string | null;
  at: string;
  data: Record<string, unknown>;
}

/* ---------- notifications ---------- */

export type NotificationKind = 'mention' | 'reply' | 'new_thread' | 'meeting_changed';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  /** Short text for the list, already in the recipient's language. */
  text: string;
  /** Where it leads in the web app, e.g. `/threads/<id>?message=<id>`. */
  link: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage {
  items: NotificationDto[];
  unread: number;
}

export type DigestFrequency = 'off' | 'daily' | 'weekly';
export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['off', 'daily', 'weekly'];

export interface NotificationSettingsDto {
  digest: DigestFrequency;
}

/* ---------- realtime ---------- */

export interface ThreadJoinResult {
  ok: boolean;
  error?: string;
  /** Messages after `lastSeenId`, in order (the replay after a disconnect). */
  missed?: MessageDto[];
  /** More were missed than sent; load the rest over HTTP with `after`. */
  hasMore?: boolean;
}

export interface ThreadServerEvents {
  /** A new message, after it was committed. */
  'thread:message': (message: MessageDto) => void;
  /** A message was edited, deleted, hidden or reacted to. */
  'thread:message-updated': (message: MessageDto) => void;
  'thread:typing': (payload: { threadId: string; person: NamedRef }) => void;
  /** Who is reading the thread now. */
  'thread:presence': (payload: { threadId: string; readers: NamedRef[] }) => void;
  'thread:locked': (payload: { threadId: string; locked: boolean; reason: string | null }) => void;
  /** A new notification for this person; `unread` is their count now. */
  'notification:new': (payload: { notification: NotificationDto; unread: number }) => void;
}

export interface ThreadClientEvents {
  /** Joins the thread's room (readers of the thread); with `lastSeenId` the reply carries what was missed. */
  'thread:join': (payload: { threadId: string; lastSeenId?: number | null }, ack: (result: ThreadJoinResult) => void) => void;
  'thread:leave': (threadId: string) => void;
  'thread:typing': (threadId: string) => void;
  /** Posts over the socket; the ack comes after the commit. */
  'thread:post': (
    payload: { threadId: string } & PostMessageRequest,
    ack: (result: { ok: true; message: MessageDto } | { ok: false; error: string; message?: string }) => void,
  ) => void;
}
