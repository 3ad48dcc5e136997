import { Injectable } from '@nestjs/common';
import type { StartPageDto } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { canReadThread } from '../discussion/thread-access';

/** The personal start page in one request: my groups, next meetings, unread threads, my cards, open votes, office tasks. */
@Injectable()
export class StartPageService {
  constructor(private readonly ds: DataSource) {}

  async get(user: AuthUser): Promise<StartPageDto> {
    const office = isOffice(user);
    const [groups, meetings, threads, cards, polls] = await Promise.all([
      this.ds.query(
        `SELECT g.id, g.name, m.role, g.state FROM group_membership m JOIN working_group g ON g.id = m.group_id
          WHERE m.person_id = $1 AND m.ended_at IS NULL AND m.status = 'member' ORDER BY g.name`,
        [user.id],
      ),
      this.ds.query(
        `SELECT m.id, m.title, m.kind, m.starts_at, r.status,
                CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*) FROM meeting_registration w
                       WHERE w.meeting_id = m.id AND w.status = 'waitlisted' AND w.seq <= r.seq) END AS position
           FROM meeting m JOIN meeting_registration r ON r.meeting_id = m.id AND r.person_id = $1 AND r.status IN ('registered','waitlisted')
          WHERE m.ends_at > now() AND m.cancelled_at IS NULL ORDER BY m.starts_at LIMIT 5`,
        [user.id],
      ),
      this.ds.query(
        `SELECT t.id, t.title, t.last_message_at,
                CASE t.subject_type WHEN 'group' THEN (SELECT name FROM working_group WHERE id = t.subject_id)
                                    WHEN 'meeting' THEN (SELECT title FROM meeting WHERE id = t.subject_id)
                                    WHEN 'card' THEN (SELECT title FROM card WHERE id = t.subject_id) END AS subject_title,
                (SELECT count(*) FROM message m WHERE m.thread_id = t.id AND m.deleted_at IS NULL
                   AND m.id > coalesce((SELECT last_read_id FROM thread_read r WHERE r.thread_id = t.id AND r.person_id = $1), 0))::int AS unread
           FROM thread t WHERE ${office ? '$1::uuid IS NOT NULL' : canReadThread('$1::uuid')}
          ORDER BY t.last_message_at DESC NULLS LAST LIMIT 50`,
        [user.id],
      ),
      this.ds.query(
        `SELECT c.id, c.board_id, c.title, c.stage, to_char(c.due_date, 'YYYY-MM-DD') AS due_date, coalesce(g.name, b.title) AS board_title
           FROM card_person cp JOIN card c ON c.id = cp.card_id AND c.deleted_at IS NULL JOIN board b ON b.id = c.board_id
           LEFT JOIN working_group g ON g.id = b.group_id
          WHERE cp.person_id = $1 AND c.stage NOT IN ('permanent','stopped') ORDER BY c.due_date NULLS LAST, c.title LIMIT 20`,
        [user.id],
      ),
      this.ds.query(
        `SELECT p.id, p.meeting_id, m.title AS meeting_title, p.question,
                p.dots_per_person - coalesce((SELECT sum(v.dots) FROM poll_vote v WHERE v.poll_id = p.id AND v.person_id = $1), 0)::int AS dots_left
           FROM poll p JOIN meeting m ON m.id = p.meeting_id
           JOIN meeting_registration r ON r.meeting_id = m.id AND r.person_id = $1 AND r.checked_in_at IS NOT NULL
          WHERE p.status = 'open' ORDER BY p.opened_at`,
        [user.id],
      ),
    ]);
    let officeTasks: StartPageDto['officeTasks'] = null;
    if (office) {
      const [t] = await this.ds.query(
        `SELECT (SELECT count(*) FROM alliance_membership WHERE awaiting_approval)::int AS approvals,
                (SELECT count(*) FROM working_group WHERE state = 'proposed')::int AS group_proposals,
                (SELECT count(*) FROM message_report WHERE resolved_at IS NULL)::int AS open_reports`,
      );
      officeTasks = { approvals: t.approvals, groupProposals: t.group_proposals, openReports: t.open_reports };
    }
    return {
      groups,
      meetings: meetings.map((m: { id: string; title: string; kind: string; starts_at: Date; status: StartPageDto['meetings'][number]['myStatus']; position: string | null }) => ({
        id: m.id,
        title: m.title,
        kind: m.kind,
        startsAt: new Date(m.starts_at).toISOString(),
        myStatus: m.status,
        myWaitlistPosition: m.position === null ? null : Number(m.position),
      })),
      unreadThreads: threads
        .filter((t: { unread: number }) => t.unread > 0)
        .slice(0, 10)
        .map((t: { id: string; title: string; subject_title: string | null; unread: number; last_message_at: Date | null }) => ({
          id: t.id,
          title: t.title,
          subjectTitle: t.subject_title,
          unread: t.unread,
          lastMessageAt: t.last_message_at ? new Date(t.last_message_at).toISOString() : null,
        })),
      cards: cards.map((c: { id: string; board_id: string; title: string; stage: StartPageDto['cards'][number]['stage']; due_date: string | null; board_title: string }) => ({
        id: c.id,
        boardId: c.board_id,
        title: c.title,
        stage: c.stage,
        dueDate: c.due_date,
        boardTitle: c.board_title,
      })),
      openPolls: polls.map((p: { id: string; meeting_id: string; meeting_title: string; question: string; dots_left: number }) => ({
        id: p.id,
        meetingId: p.meeting_id,
        meetingTitle: p.meeting_title,
        question: p.question,
        dotsLeft: p.dots_left,
      })),
      officeTasks,
    };
  }
}
