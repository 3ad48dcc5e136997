import type { MessageDto, NotificationDto, ThreadDto } from '@allmende/contracts';

export const THREAD_ID = '66666666-6666-4666-8666-666666666666';
export const ANNA_ID = 'p-1'; // meFixture()
export const BEN_ID = '77777777-7777-4777-8777-777777777777';

/** A thread as the API returns it; override what a test needs. */
export function threadFixture(overrides: Partial<ThreadDto> = {}): ThreadDto {
  return {
    id: THREAD_ID,
    subjectType: 'alliance',
    subjectId: null,
    subjectTitle: null,
    title: 'Leerstand in der Innenstadt',
    createdBy: { id: BEN_ID, name: 'Ben Berger' },
    createdAt: '2026-05-04T08:00:00.000Z',
    lastMessageAt: '2026-05-04T09:00:00.000Z',
    messageCount: 3,
    unread: 0,
    locked: false,
    lockReason: null,
    permissions: { canPost: true, canModerate: false },
    ...overrides,
  };
}

/** A message by Ben (unless overridden) in THREAD_ID. */
export function messageFixture(id: number, overrides: Partial<MessageDto> = {}): MessageDto {
  const body = overrides.body ?? `Beitrag ${id}`;
  return {
    id,
    threadId: THREAD_ID,
    clientId: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
    author: { id: BEN_ID, name: 'Ben Berger' },
    parentId: null,
    body,
    bodyHtml: `<p>${body}</p>`,
    mentions: [],
    reactions: [],
    attachments: [],
    createdAt: new Date(Date.UTC(2026, 4, 4, 8, id)).toISOString(),
    editedAt: null,
    deleted: false,
    hidden: false,
    hiddenReason: null,
    ...overrides,
  };
}

/** A notification; override what a test needs. */
export function notificationFixture(id: string, overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id,
    kind: 'mention',
    text: `Ben Berger hat Sie in „Thema ${id}“ erwähnt`,
    link: `/threads/${THREAD_ID}?message=${id}`,
    createdAt: '2026-05-04T09:00:00.000Z',
    read: false,
    ...overrides,
  };
}
