import { MENTION_PATTERN, type MessageAttachmentDto, type MessageDto, type NamedRef, type ReactionDto } from '@allmende/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { renderMarkdown } from '../../common/markdown';

/** Columns of a message; `$viewer` is the parameter holding the reader's id (for "my" reactions). */
export const messageColumns = (viewer: string) => `
  m.id, m.thread_id, m.client_id, m.parent_id, m.body, m.created_at, m.edited_at, m.deleted_at, m.hidden_at, m.hidden_reason,
  a.id AS author_id, a.display_name AS author_name,
  coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.display_name) ORDER BY p.display_name)
              FROM message_mention mm JOIN person p ON p.id = mm.person_id WHERE mm.message_id = m.id), '[]') AS mentions,
  coalesce((SELECT json_agg(json_build_object('emoji', r.emoji, 'count', r.n, 'mine', r.mine) ORDER BY r.emoji)
              FROM (SELECT emoji, count(*) AS n, bool_or(person_id = ${viewer}::uuid) AS mine FROM message_reaction
                     WHERE message_id = m.id GROUP BY emoji) r), '[]') AS reactions,
  coalesce((SELECT json_agg(json_build_object('id', x.id, 'filename', x.filename, 'contentType', x.content_type, 'sizeBytes', x.size_bytes) ORDER BY x.uploaded_at)
              FROM message_attachment x WHERE x.message_id = m.id), '[]') AS attachments`;
export const MESSAGE_FROM = `FROM message m LEFT JOIN person a ON a.id = m.author_id AND a.deleted_at IS NULL`;

export interface MessageRow {
  id: string;
  thread_id: string;
  client_id: string;
  parent_id: string | null;
  body: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  hidden_at: Date | null;
  hidden_reason: string | null;
  author_id: string | null;
  author_name: string | null;
  mentions: NamedRef[];
  reactions: ReactionDto[];
  attachments: MessageAttachmentDto[];
}

/** Mentions become bold `@Name` before the markdown is rendered and sanitised. */
export function renderMessage(body: string): string {
  return renderMarkdown(body.replace(MENTION_PATTERN, (_, name: string) => `**@${name.replace(/[*_`[\]]/g, '')}**`));
}

/** The ids of the persons a body mentions. */
export function mentionedIds(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((m) => m[2]))];
}

/** Deleted messages lose their text; hidden ones keep it for moderators only. */
export function toMessageDto(r: MessageRow, moderator: boolean): MessageDto {
  const deleted = !!r.deleted_at;
  const hidden = !!r.hidden_at;
  const showText = !deleted && (!hidden || moderator);
  return {
    id: Number(r.id),
    threadId: r.thread_id,
    clientId: r.client_id,
    author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null,
    parentId: r.parent_id === null ? null : Number(r.parent_id),
    body: showText ? r.body : '',
    bodyHtml: showText ? renderMessage(r.body) : '',
    mentions: showText ? r.mentions : [],
    reactions: r.reactions.map((x) => ({ ...x, count: Number(x.count) })),
    attachments: showText ? r.attachments : [],
    createdAt: new Date(r.created_at).toISOString(),
    editedAt: r.edited_at ? new Date(r.edited_at).toISOString() : null,
    deleted,
    hidden,
    hiddenReason: hidden ? r.hidden_reason : null,
  };
}

export async function loadMessage(em: EntityManager | DataSource, id: number | string, viewer: string | null, moderator: boolean): Promise<MessageDto> {
  const [row] = await em.query(`SELECT ${messageColumns('$2')} ${MESSAGE_FROM} WHERE m.id = $1`, [id, viewer]);
  return toMessageDto(row, moderator);
}
