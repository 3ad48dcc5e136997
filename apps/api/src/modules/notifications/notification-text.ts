import type { NotificationKind } from '@allmende/contracts';

export interface NotificationData {
  actor?: string;
  threadTitle?: string;
  groupName?: string;
  meetingTitle?: string;
  change?: 'updated' | 'cancelled';
}

/** The notification's line in the recipient's language. */
export function notificationText(kind: NotificationKind, d: NotificationData, locale: 'de' | 'en'): string {
  const de = locale === 'de';
  switch (kind) {
    case 'mention':
      return de ? `${d.actor} hat Sie in „${d.threadTitle}“ erwähnt` : `${d.actor} mentioned you in "${d.threadTitle}"`;
    case 'reply':
      return de ? `${d.actor} hat auf Ihren Beitrag in „${d.threadTitle}“ geantwortet` : `${d.actor} replied to your message in "${d.threadTitle}"`;
    case 'new_thread':
      return de ? `Neues Thema in ${d.groupName}: „${d.threadTitle}“` : `New topic in ${d.groupName}: "${d.threadTitle}"`;
    case 'meeting_changed':
      if (d.change === 'cancelled') return de ? `„${d.meetingTitle}“ wurde abgesagt` : `"${d.meetingTitle}" was cancelled`;
      return de ? `„${d.meetingTitle}“ wurde geändert` : `"${d.meetingTitle}" was changed`;
  }
}

export function notificationLink(kind: NotificationKind, refs: { thread_id: string | null; message_id: string | number | null; meeting_id: string | null }): string {
  if (kind === 'meeting_changed') return `/meetings/${refs.meeting_id}`;
  return refs.message_id && kind !== 'new_thread' ? `/threads/${refs.thread_id}?message=${refs.message_id}` : `/threads/${refs.thread_id}`;
}
