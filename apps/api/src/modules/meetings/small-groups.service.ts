import { Injectable } from '@nestjs/common';
import type { SmallGroupDto } from '@allmende/contracts';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { canRunMeeting, loadVisibleMeeting, MeetingRow, requireRunner } from './meeting-access';

export const SmallGroupErrors = {
  UnknownRegistration: 'UNKNOWN_REGISTRATION',
  NoAttendees: 'NO_CHECKED_IN_ATTENDEES',
} as const;

interface GroupRow {
  id: string;
  meeting_id: string;
  name: string;
  position: number;
  note: string;
  note_updated_at: Date | null;
  members: { registrationId: string; name: string; personId: string | null }[];
}

/**
 * Small groups (Kleingruppen) inside a meeting: whoever runs the meeting forms them and
 * assigns attendees; each group keeps a shared note that its members may edit too.
 */
@Injectable()
export class SmallGroupsService {
  constructor(
    private readonly ds: DataSource,
    private readonly events: DomainEventBus,
  ) {}

  async list(meetingId: string, user: AuthUser): Promise<SmallGroupDto[]> {
    const m = await loadVisibleMeeting(this.ds, meetingId, user);
    return this.load(this.ds.manager, m, user);
  }

  private async load(em: EntityManager, m: MeetingRow, user: AuthUser): Promise<SmallGroupDto[]> {
    const runner = await canRunMeeting(em, m, user);
    const rows: GroupRow[] = await em.query(
      `SELECT g.*, coalesce(json_agg(json_build_object('registrationId', r.id, 'name', coalesce(p.display_name, r.guest_name), 'personId', r.person_id)
                      ORDER BY coalesce(p.display_name, r.guest_name)) FILTER (WHERE r.id IS NOT NULL), '[]') AS members
         FROM small_group g
         LEFT JOIN small_group_member sm ON sm.small_group_id = g.id
         LEFT JOIN meeting_registration r ON r.id = sm.registration_id
         LEFT JOIN person p ON p.id = r.person_id
        WHERE g.meeting_id = $1 GROUP BY g.id ORDER BY g.position, g.id`,
      [m.id],
    );
    return rows.map((g) => ({
      id: g.id,
      meetingId: g.meeting_id,
      name: g.name,
      position: g.position,
      note: g.note,
      noteUpdatedAt: g.note_updated_at ? new Date(g.note_updated_at).toISOString() : null,
      members: g.members.map(({ registrationId, name }) => ({ registrationId, name })),
      canEditNote: runner || g.members.some((member) => member.personId === user.id),
    }));
  }

  /** Runs a change as whoever runs the meeting, then answers the new state and tells the meeting room. */
  private async change(meetingId: string, user: AuthUser, work: (em: EntityManager, m: MeetingRow) => Promise<void>, runnerOnly = true): Promise<SmallGroupDto[]> {
    const result = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, meetingId, user, true);
      if (runnerOnly) await requireRunner(em, m, user);
      await work(em, m);
      return this.load(em, m, user);
    });
    this.events.emit('meeting.small_groups_changed', { meetingId });
    return result;
  }

  create(meetingId: string, name: string, user: AuthUser): Promise<SmallGroupDto[]> {
    return this.change(meetingId, user, async (em) => {
      await em.query(
        `INSERT INTO small_group (meeting_id, name, position)
         SELECT $1, $2, coalesce(max(position), 0) + 1 FROM small_group WHERE meeting_id = $1`,
        [meetingId, name],
      );
    });
  }

  /** Renaming is for who runs the meeting; the note also for the group's own members. */
  update(meetingId: string, groupId: string, req: { name?: string; note?: string }, user: AuthUser): Promise<SmallGroupDto[]> {
    return this.change(
      meetingId,
      user,
      async (em, m) => {
        const [group] = await em.query(`SELECT id FROM small_group WHERE id = $1 AND meeting_id = $2 FOR UPDATE`, [groupId, meetingId]);
        if (!group) throw DomainError.notFound('Small group');
        const runner = await canRunMeeting(em, m, user);
        if (req.name !== undefined && !runner) throw DomainError.forbidden('Only who runs the meeting may rename small groups');
        if (req.note !== undefined && !runner) {
          const member = await em.query(
            `SELECT 1 FROM small_group_member sm JOIN meeting_registration r ON r.id = sm.registration_id
              WHERE sm.small_group_id = $1 AND r.person_id = $2`,
            [groupId, user.id],
          );
          if (!member.length) throw DomainError.forbidden('Only members of the small group may edit its note');
        }
        await em.query(
          `UPDATE small_group SET name = coalesce($2, name), note = coalesce($3, note),
                  note_updated_at = CASE WHEN $3::text IS NULL THEN note_updated_at ELSE now() END,
                  note_updated_by = CASE WHEN $3::text IS NULL THEN note_updated_by ELSE $4::uuid END
            WHERE id = $1`,
          [groupId, req.name ?? null, req.note ?? null, user.id],
        );
      },
      false,
    );
  }

  async remove(meetingId: string, groupId: string, user: AuthUser): Promise<void> {
    await this.change(meetingId, user, async (em) => {
      const [rows] = await em.query(`DELETE FROM small_group WHERE id = $1 AND meeting_id = $2 RETURNING id`, [groupId, meetingId]);
      if (!rows?.length) throw DomainError.notFound('Small group');
    });
  }

  /** Sets who is in the group; each registration leaves the small group it was in before. */
  setMembers(meetingId: string, groupId: string, registrationIds: string[], user: AuthUser): Promise<SmallGroupDto[]> {
    return this.change(meetingId, user, async (em) => {
      const [group] = await em.query(`SELECT id FROM small_group WHERE id = $1 AND meeting_id = $2`, [groupId, meetingId]);
      if (!group) throw DomainError.notFound('Small group');
      const ids = [...new Set(registrationIds)];
      const known = await em.query(
        `SELECT id FROM meeting_registration WHERE meeting_id = $1 AND id = ANY($2::uuid[]) AND status = 'registered'`,
        [meetingId, ids],
      );
      if (known.length !== ids.length) throw DomainError.badRequest('Every member must be registered for this meeting', SmallGroupErrors.UnknownRegistration);
      await em.query(`DELETE FROM small_group_member WHERE small_group_id = $1 OR (meeting_id = $2 AND registration_id = ANY($3::uuid[]))`, [groupId, meetingId, ids]);
      await em.query(
        `INSERT INTO small_group_member (small_group_id, meeting_id, registration_id) SELECT $1, $2, unnest($3::uuid[])`,
        [groupId, meetingId, ids],
      );
    });
  }

  /**
   * Spreads the checked-in attendees who are in no small group over `count` groups, in turn,
   * filling the smallest groups first; missing groups are created ("Gruppe 1", …).
   */
  distribute(meetingId: string, count: number, user: AuthUser): Promise<SmallGroupDto[]> {
    return this.change(meetingId, user, async (em) => {
      const free: { id: string }[] = await em.query(
        `SELECT r.id FROM meeting_registration r
          WHERE r.meeting_id = $1 AND r.checked_in_at IS NOT NULL AND r.status = 'registered'
            AND NOT EXISTS (SELECT 1 FROM small_group_member sm WHERE sm.registration_id = r.id)
          ORDER BY random()`,
        [meetingId],
      );
      if (!free.length) throw DomainError.conflict('No checked-in attendee is waiting for a small group', SmallGroupErrors.NoAttendees);
      const existing: { n: string }[] = await em.query(`SELECT count(*) AS n FROM small_group WHERE meeting_id = $1`, [meetingId]);
      for (let i = Number(existing[0].n); i < count; i++) {
        await em.query(
          `INSERT INTO small_group (meeting_id, name, position) SELECT $1, $2, coalesce(max(position), 0) + 1 FROM small_group WHERE meeting_id = $1`,
          [meetingId, `Gruppe ${i + 1}`],
        );
      }
      const groups: { id: string; size: string }[] = await em.query(
        `SELECT g.id, count(sm.registration_id) AS size FROM small_group g LEFT JOIN small_group_member sm ON sm.small_group_id = g.id
          WHERE g.meeting_id = $1 GROUP BY g.id ORDER BY g.position LIMIT $2`,
        [meetingId, count],
      );
      const sizes = groups.map((g) => ({ id: g.id, size: Number(g.size), add: [] as string[] }));
      for (const r of free) {
        const smallest = sizes.reduce((a, b) => (b.size < a.size ? b : a));
        smallest.add.push(r.id);
        smallest.size++;
      }
      for (const g of sizes.filter((s) => s.add.length)) {
        await em.query(`INSERT INTO small_group_member (small_group_id, meeting_id, registration_id) SELECT $1, $2, unnest($3::uuid[])`, [g.id, meetingId, g.add]);
      }
    });
  }
}
