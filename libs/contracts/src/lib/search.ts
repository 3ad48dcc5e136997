import type { CardStage } from './boards';
import type { RegistrationStatus } from './meetings';

/** What the search finds, grouped by kind; only what the person may read. */
export type SearchKind = 'group' | 'meeting' | 'card' | 'discussion' | 'organisation' | 'person';
export const SEARCH_KINDS: readonly SearchKind[] = ['group', 'meeting', 'card', 'discussion', 'organisation', 'person'];

export interface SearchHit {
  id: string;
  kind: SearchKind;
  title: string;
  /** A fragment with the matches in `<mark>`; everything else is escaped. */
  snippetHtml: string;
  /** Where it leads in the web app. */
  link: string;
}

export interface SearchGroup {
  kind: SearchKind;
  total: number;
  items: SearchHit[];
}

export interface SearchResult {
  q: string;
  groups: SearchGroup[];
  /** With `kind`: the page of that kind. */
  page: number;
  pageSize: number;
}

/* ---------- the personal start page ---------- */

export interface StartPageDto {
  groups: { id: string; name: string; role: string; state: string }[];
  meetings: { id: string; title: string; kind: string; startsAt: string; myStatus: RegistrationStatus | null; myWaitlistPosition: number | null }[];
  unreadThreads: { id: string; title: string; subjectTitle: string | null; unread: number; lastMessageAt: string | null }[];
  cards: { id: string; boardId: string; title: string; stage: CardStage; dueDate: string | null; boardTitle: string }[];
  openPolls: { id: string; meetingId: string; meetingTitle: string; question: string; dotsLeft: number }[];
  /** For the office: what waits for them. */
  officeTasks: { approvals: number; groupProposals: number; openReports: number } | null;
}
