import { Inject, Injectable, Logger } from '@nestjs/common';
import { DOCUMENTS_MAIL_DAYS_BEFORE } from '@allmende/contracts';
import type {
  AgendaItemDto,
  CheckInListEntryDto,
  CheckInRequest,
  DecisionDto,
  GuestRegistrationRequest,
  MeetingDetailDto,
  MeetingListQuery,
  MeetingPage,
  MeetingSummaryDto,
  RegistrationResponse,
  RegistrationStatus,
  SaveAgendaItemRequest,
  SaveDecisionRequest,
  SaveMeetingRequest,
} from '@allmende/contracts';
import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { DataSource, EntityManager } from 'typeorm';
import { isOffice, type AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { DomainEventBus } from '../../common/domain-events';
import { leadsGroup } from '../../common/membership-sql';
import { APP_CONFIG, AppConfig, publicLink } from '../../config/app-config';
import { hashToken, newSecretToken } from '../auth/secret-tokens';
import { MailService, OutgoingMail } from '../mail/mail.service';
import { NotificationsService } from '../notifications/notifications.service';
import { recordParticipation } from '../participation/participation';
import { DocumentsService } from './documents.service';
import { canRunMeeting, loadVisibleMeeting, MeetingRow, requireRunner, visibleTo } from './meeting-access';
import { meetingMails } from './meeting-mails';

export const MeetingErrors = {
  RegistrationClosed: 'REGISTRATION_CLOSED',
  NotRegistered: 'NOT_REGISTERED',
  GroupRequired: 'GROUP_REQUIRED',
  GuestsOnlyForConferences: 'GUESTS_ONLY_FOR_CONFERENCES',
  UnknownCode: 'UNKNOWN_CHECK_IN_CODE',
  InvalidTimes: 'INVALID_MEETING_TIMES',
  AlreadyCancelled: 'MEETING_CANCELLED',
  Over: 'MEETING_OVER',
} as const;

interface SummaryRow {
  id: string;
  kind: MeetingSummaryDto['kind'];
  series_number: number | null;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  group_id: string | null;
  group_name: string | null;
  venue_name: string | null;
  venue_address: string | null;
  online_url: string | null;
  capacity: number | null;
  registered_count: string;
  waitlist_count: string;
  registration_deadline: Date | null;
  visibility: MeetingSummaryDto['visibility'];
  cancelled_at: Date | null;
  cancel_reason: string | null;
  my_status: RegistrationStatus | null;
  my_position: string | null;
  my_code: string | null;
  my_checked_in: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function toSummary(r: SummaryRow): MeetingSummaryDto {
  return {
    id: r.id,
    kind: r.kind,
    seriesNumber: r.series_number,
    title: r.title,
    startsAt: new Date(r.starts_at).toISOString(),
    endsAt: new Date(r.ends_at).toISOString(),
    groupId: r.group_id,
    groupName: r.group_name,
    venueName: r.venue_name,
    venueAddress: r.venue_address,
    onlineUrl: r.online_url,
    capacity: r.capacity,
    registeredCount: Number(r.registered_count),
    waitlistCount: Number(r.waitlist_count),
    registrationDeadline: iso(r.registration_deadline),
    visibility: r.visibility,
    cancelled: !!r.cancelled_at,
    myStatus: r.my_status,
    myWaitlistPosition: r.my_position ? Number(r.my_position) : null,
  };
}

/** Columns shared by list and detail. */
const SUMMARY_SELECT = `
  m.*, g.name AS group_name, o.name AS venue_name,
  (SELECT count(*) FROM meeting_registration r WHERE r.meeting_id = m.id AND r.status = 'registered') AS registered_count,
  (SELECT count(*) FROM meeting_registration r WHERE r.meeting_id = m.id AND r.status = 'waitlisted') AS waitlist_count,
  my.status AS my_status, my.check_in_code AS my_code, my.checked_in_at AS my_checked_in,
  CASE WHEN my.status = 'waitlisted' THEN (SELECT count(*) FROM meeting_registration w
        WHERE w.meeting_id = m.id AND w.status = 'waitlisted' AND w.seq <= my.seq) END AS my_position`;
/** Joins shared by list and detail; `caller` is the parameter holding the caller's id (or null). */
const summaryJoins = (caller: string) => `
  LEFT JOIN working_group g ON g.id = m.group_id
  LEFT JOIN organisation o ON o.id = m.venue_organisation_id
  LEFT JOIN meeting_registration my ON my.meeting_id = m.id AND my.person_id = ${caller}::uuid AND my.status <> 'cancelled'`;

const newCheckInCode = () => randomBytes(6).toString('base64url').toUpperCase().replace(/[-_]/g, 'X');

@Injectable()
export class MeetingsService {
  private readonly logger = new Logger('Meetings');
  constructor(
    private readonly ds: DataSource,
    private readonly mail: MailService,
    private readonly events: DomainEventBus,
    private readonly documents: DocumentsService,
    private readonly notifications: NotificationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private link(path: string): string {
    return publicLink(this.config, path);
  }

  /** One statement per page. */
  async list(query: MeetingListQuery, user: AuthUser | undefined): Promise<MeetingPage> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const params: unknown[] = [pageSize, (page - 1) * pageSize, user?.id ?? null];
    const where = [visibleTo('$3', isOffice(user))];
    const add = (value: unknown, sql: (p: string) => string) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (query.from) add(query.from, (p) => `m.ends_at >= ${p}::timestamptz`);
    if (query.to) add(query.to, (p) => `m.starts_at < ${p}::timestamptz`);
    if (query.kind) add(query.kind, (p) => `m.kind = ${p}`);
    if (query.group) add(query.group, (p) => `m.group_id = ${p}::uuid`);
    if (query.mine) where.push(`my.id IS NOT NULL`);
    // upcoming lists read forwards, past lists backwards
    const order = query.to && !query.from ? 'DESC' : 'ASC';
    const rows: (SummaryRow & { total: string })[] = await this.ds.query(
      `SELECT ${SUMMARY_SELECT}, count(*) OVER () AS total FROM meeting m ${summaryJoins('$3')}
        WHERE ${where.join(' AND ')} ORDER BY m.starts_at ${order}, m.id LIMIT $1 OFFSET $2`,
      params,
    );
    return { items: rows.map(toSummary), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  async get(id: string, user: AuthUser | undefined): Promise<MeetingDetailDto> {
    const meeting = await loadVisibleMeeting(this.ds, id, user);
    const [row]: SummaryRow[] = await this.ds.query(`SELECT ${SUMMARY_SELECT} FROM meeting m ${summaryJoins('$2')} WHERE m.id = $1`, [id, user?.id ?? null]);
    const summary = toSummary(row);
    return {
      ...summary,
      description: row.description,
      agenda: await this.agenda(id),
      decisions: await this.decisions(id),
      myCheckInCode: row.my_status === 'registered' ? row.my_code : null,
      myCheckedIn: !!row.my_checked_in,
      cancelReason: row.cancel_reason,
      documents: await this.documents.listFor(id),
      documentsMailDueAt: new Date(new Date(row.starts_at).getTime() - DOCUMENTS_MAIL_DAYS_BEFORE * 86_400_000).toISOString(),
      permissions: {
        canManage: await canRunMeeting(this.ds, meeting, user),
        canRegister: !!user && this.registrationOpen(meeting) === null && !summary.myStatus,
      },
    };
  }

  /** Why registration is closed, or null when it is open. */
  private registrationOpen(m: MeetingRow): string | null {
    if (m.cancelled_at) return 'The meeting was cancelled';
    if (new Date(m.ends_at) < new Date()) return 'The meeting is over';
    if (m.registration_deadline && new Date(m.registration_deadline) < new Date()) return 'The registration deadline has passed';
    return null;
  }

  private checkTimes(req: SaveMeetingRequest): void {
    if (new Date(req.endsAt) <= new Date(req.startsAt)) {
      throw DomainError.badRequest('The meeting must end after it starts', MeetingErrors.InvalidTimes);
    }
  }

  /** The office creates meetings; leads of a group create its sessions. Plenaries are numbered automatically. */
  async create(req: SaveMeetingRequest, user: AuthUser): Promise<MeetingDetailDto> {
    this.checkTimes(req);
    if (req.kind === 'group_session' && !req.groupId) throw DomainError.badRequest('A group session belongs to a working group', MeetingErrors.GroupRequired);
    const id = await this.ds.transaction(async (em) => {
      if (!isOffice(user)) {
        const lead = req.kind === 'group_session' && !!req.groupId && (await leadsGroup(em, req.groupId, user.id));
        if (!lead) throw DomainError.forbidden('Only the office, or the leads of a group for its sessions, may create meetings');
      }
      let series: number | null = null;
      if (req.kind === 'plenary') {
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('allmende:plenary-series'))`);
        const [{ next }] = await em.query(`SELECT coalesce(max(series_number), 0) + 1 AS next FROM meeting WHERE kind = 'plenary'`);
        series = Number(next);
      }
      const [row] = await em.query(
        `INSERT INTO meeting (kind, series_number, group_id, title, description, starts_at, ends_at, venue_organisation_id, venue_address, online_url,
                              capacity, registration_deadline, visibility, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`,
        [
          req.kind, series, req.groupId ?? null, req.title, req.description ?? '', req.startsAt, req.endsAt, req.venueOrganisationId ?? null,
          req.venueAddress ?? null, req.onlineUrl ?? null, req.capacity ?? null, req.registrationDeadline ?? null,
          req.visibility ?? (req.kind === 'conference' ? 'public' : req.kind === 'group_session' ? 'group' : 'members'), user.id,
        ],
      );
      return row.id as string;
    });
    return this.get(id, user);
  }

  /** Registered and waiting persons (not the one who made the change) hear that the meeting changed. */
  private async notifyParticipants(em: EntityManager, m: MeetingRow, change: 'updated' | 'cancelled', actor: AuthUser): Promise<string[]> {
    const people: { person_id: string }[] = await em.query(
      `SELECT person_id FROM meeting_registration WHERE meeting_id = $1 AND person_id IS NOT NULL AND person_id <> $2 AND status IN ('registered','waitlisted')`,
      [m.id, actor.id],
    );
    return this.notifications.notify(em, people.map((p) => p.person_id), { kind: 'meeting_changed', meetingId: m.id, data: { meetingTitle: m.title, change } });
  }

  async update(id: string, req: SaveMeetingRequest, user: AuthUser): Promise<MeetingDetailDto> {
    this.checkTimes(req);
    const notified = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      if (req.kind !== m.kind) throw DomainError.badRequest('The kind of a meeting cannot change', 'MEETING_KIND_FIXED');
      await em.query(
        `UPDATE meeting SET title = $2, description = $3, starts_at = $4, ends_at = $5, venue_organisation_id = $6, venue_address = $7,
                online_url = $8, capacity = $9, registration_deadline = $10, visibility = coalesce($11, visibility), updated_at = now() WHERE id = $1`,
        [id, req.title, req.description ?? '', req.startsAt, req.endsAt, req.venueOrganisationId ?? null, req.venueAddress ?? null, req.onlineUrl ?? null,
          req.capacity ?? null, req.registrationDeadline ?? null, req.visibility ?? null],
      );
      return this.notifyParticipants(em, { ...m, title: req.title }, 'updated', user);
    });
    await this.notifications.publish(notified);
    return this.get(id, user);
  }

  /**
   * Registers the caller. The meeting row is locked, so concurrent registrations
   * are counted one after the other: never more than `capacity` registered, the
   * rest on the waiting list in arrival order. Registering twice answers the same.
   */
  async register(id: string, user: AuthUser): Promise<RegistrationResponse> {
    return this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      const closed = this.registrationOpen(m);
      if (closed) throw DomainError.conflict(closed, MeetingErrors.RegistrationClosed);
      const existing = await this.statusOf(em, id, `person_id = $2`, user.id);
      if (existing) return existing;
      const status = await this.seatFor(em, m);
      await em.query(`INSERT INTO meeting_registration (meeting_id, person_id, status, check_in_code) VALUES ($1,$2,$3,$4)`, [id, user.id, status, newCheckInCode()]);
      await recordParticipation(em, { personId: user.id, kind: 'meeting_registered', subjectType: 'meeting', subjectId: id, data: { status } });
      return (await this.statusOf(em, id, `person_id = $2`, user.id)) as RegistrationResponse;
    });
  }

  private async seatFor(em: EntityManager, m: MeetingRow): Promise<'registered' | 'waitlisted'> {
    if (m.capacity === null) return 'registered';
    const [{ n }] = await em.query(`SELECT count(*) AS n FROM meeting_registration WHERE meeting_id = $1 AND status = 'registered'`, [m.id]);
    return Number(n) < m.capacity ? 'registered' : 'waitlisted';
  }

  private async statusOf(em: EntityManager, meetingId: string, who: string, value: string): Promise<RegistrationResponse | null> {
    const [r] = await em.query(
      `SELECT r.status, CASE WHEN r.status = 'waitlisted' THEN (SELECT count(*) FROM meeting_registration w
               WHERE w.meeting_id = r.meeting_id AND w.status = 'waitlisted' AND w.seq <= r.seq) END AS position
         FROM meeting_registration r WHERE r.meeting_id = $1 AND r.${who} AND r.status <> 'cancelled'`,
      [meetingId, value],
    );
    return r ? { status: r.status, waitlistPosition: r.position === null ? null : Number(r.position) } : null;
  }

  async cancelMine(id: string, user: AuthUser): Promise<void> {
    const promoted = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      const [rows] = await em.query(
        `UPDATE meeting_registration SET status = 'cancelled', cancelled_at = now()
          WHERE meeting_id = $1 AND person_id = $2 AND status <> 'cancelled' RETURNING status`,
        [id, user.id],
      );
      if (!rows?.length) throw DomainError.notFound('Registration', MeetingErrors.NotRegistered);
      return this.promoteFromWaitlist(em, m);
    });
    await this.sendAll(promoted);
  }

  /** Fills free seats from the waiting list, first come first served; returns the mails to send after commit. */
  private async promoteFromWaitlist(em: EntityManager, m: MeetingRow): Promise<OutgoingMail[]> {
    if (m.capacity === null) return [];
    const [{ n }] = await em.query(`SELECT count(*) AS n FROM meeting_registration WHERE meeting_id = $1 AND status = 'registered'`, [m.id]);
    const free = m.capacity - Number(n);
    if (free <= 0) return [];
    const [rows] = await em.query(
      `UPDATE meeting_registration SET status = 'registered', promoted_at = now()
        WHERE id IN (SELECT id FROM meeting_registration WHERE meeting_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT $2)
        RETURNING person_id, guest_email, guest_locale`,
      [m.id, free],
    );
    const mails: OutgoingMail[] = [];
    for (const r of rows ?? []) {
      const [p] = r.person_id ? await em.query(`SELECT email, locale FROM person WHERE id = $1 AND deleted_at IS NULL`, [r.person_id]) : [null];
      const to = p?.email ?? r.guest_email;
      if (to) mails.push(meetingMails.promoted(p?.locale ?? r.guest_locale ?? 'de', to, m.title, new Date(m.starts_at)));
    }
    return mails;
  }

  /** Sends mails after the change committed; a mail that fails is logged, the change stands. */
  private async sendAll(mails: OutgoingMail[]): Promise<void> {
    for (const mail of mails) {
      await this.mail.send(mail).catch((err) => this.logger.error({ err, subject: mail.subject }, 'A meeting mail could not be sent'));
    }
  }

  /** Calls the meeting off: registration closes, everybody registered or waiting is mailed. */
  async cancelMeeting(id: string, reason: string | null, user: AuthUser): Promise<MeetingDetailDto> {
    const mails = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      if (m.cancelled_at) throw DomainError.conflict('The meeting was already cancelled', MeetingErrors.AlreadyCancelled);
      if (new Date(m.ends_at) < new Date()) throw DomainError.conflict('The meeting is over', MeetingErrors.Over);
      await em.query(`UPDATE meeting SET cancelled_at = now(), cancel_reason = $2, updated_at = now() WHERE id = $1`, [id, reason]);
      const people: { email: string | null; locale: 'de' | 'en' }[] = await em.query(
        `SELECT coalesce(p.email, r.guest_email) AS email, coalesce(p.locale, r.guest_locale, 'de') AS locale
           FROM meeting_registration r LEFT JOIN person p ON p.id = r.person_id AND p.deleted_at IS NULL
          WHERE r.meeting_id = $1 AND r.status IN ('registered','waitlisted')`,
        [id],
      );
      const notified = await this.notifyParticipants(em, m, 'cancelled', user);
      return { notified, mails: people.filter((p) => p.email).map((p) => meetingMails.cancelled(p.locale, p.email as string, m.title, new Date(m.starts_at), reason)) };
    });
    await this.notifications.publish(mails.notified);
    await this.sendAll(mails.mails);
    return this.get(id, user);
  }

  /** Outsiders register for public conferences; the registration counts once the e-mail is confirmed. */
  async registerGuest(id: string, req: GuestRegistrationRequest): Promise<{ status: 'pending_confirmation' }> {
    const locale = req.locale ?? 'de';
    const mail = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, undefined, true);
      if (m.kind !== 'conference') throw DomainError.badRequest('Only conferences take registrations without an account', MeetingErrors.GuestsOnlyForConferences);
      const closed = this.registrationOpen(m);
      if (closed) throw DomainError.conflict(closed, MeetingErrors.RegistrationClosed);
      const email = req.email.toLowerCase();
      const confirm = newSecretToken();
      // a second registration with the same address renews the pending one instead of adding another
      await em.query(`DELETE FROM meeting_registration WHERE meeting_id = $1 AND lower(guest_email) = $2 AND status = 'pending_confirmation'`, [id, email]);
      const active = await em.query(`SELECT 1 FROM meeting_registration WHERE meeting_id = $1 AND lower(guest_email) = $2 AND status <> 'cancelled'`, [id, email]);
      if (active.length) return null;
      await em.query(
        `INSERT INTO meeting_registration (meeting_id, guest_name, guest_email, guest_organisation, guest_locale, status, check_in_code, confirm_token_hash)
         VALUES ($1,$2,$3,$4,$5,'pending_confirmation',$6,$7)`,
        [id, req.name, email, req.organisation ?? null, locale, newCheckInCode(), confirm.hash],
      );
      return meetingMails.confirmGuest(locale, email, m.title, new Date(m.starts_at), this.link(`/meetings/${id}/confirm?token=${confirm.token}`));
    });
    if (mail) await this.mail.send(mail);
    return { status: 'pending_confirmation' };
  }

  async confirmGuest(token: string): Promise<RegistrationResponse & { meetingId: string }> {
    const { result, mail } = await this.ds.transaction(async (em) => {
      const [r] = await em.query(`SELECT id, meeting_id FROM meeting_registration WHERE confirm_token_hash = $1 AND status = 'pending_confirmation'`, [hashToken(token)]);
      if (!r) throw DomainError.badRequest('The link is invalid or was already used', 'INVALID_OR_EXPIRED_TOKEN');
      const [m]: MeetingRow[] = await em.query(`SELECT * FROM meeting WHERE id = $1 FOR UPDATE`, [r.meeting_id]);
      const status = await this.seatFor(em, m);
      const cancel = newSecretToken();
      const [[row]] = await em.query(
        `UPDATE meeting_registration SET status = $2, confirm_token_hash = NULL, cancel_token_hash = $3 WHERE id = $1
         RETURNING guest_email, guest_locale, check_in_code`,
        [r.id, status, cancel.hash],
      );
      const result = (await this.statusOf(em, m.id, `id = $2`, r.id)) as RegistrationResponse;
      const mail = meetingMails.guestConfirmed(row.guest_locale ?? 'de', row.guest_email, m.title, new Date(m.starts_at), status, this.link(`/meetings/${m.id}/cancel?token=${cancel.token}`), row.check_in_code);
      return { result: { ...result, meetingId: m.id }, mail: { ...mail, checkInCode: row.check_in_code as string } };
    });
    // the QR code of the check-in code, for the phone or the printout at the door
    const qr = await QRCode.toBuffer(mail.checkInCode, { type: 'png', width: 320, margin: 2 });
    await this.mail.send({ ...mail, attachments: [{ filename: `check-in-${mail.checkInCode}.png`, contentType: 'image/png', content: qr }] });
    return result;
  }

  async cancelGuest(token: string): Promise<void> {
    const mails = await this.ds.transaction(async (em) => {
      const [r] = await em.query(`SELECT id, meeting_id FROM meeting_registration WHERE cancel_token_hash = $1 AND status <> 'cancelled'`, [hashToken(token)]);
      if (!r) throw DomainError.badRequest('The link is invalid or was already used', 'INVALID_OR_EXPIRED_TOKEN');
      const [m]: MeetingRow[] = await em.query(`SELECT * FROM meeting WHERE id = $1 FOR UPDATE`, [r.meeting_id]);
      await em.query(`UPDATE meeting_registration SET status = 'cancelled', cancelled_at = now(), cancel_token_hash = NULL WHERE id = $1`, [r.id]);
      return this.promoteFromWaitlist(em, m);
    });
    await this.sendAll(mails);
  }

  /* ---------- running the meeting ---------- */

  async checkInList(id: string, q: string | undefined, user: AuthUser): Promise<CheckInListEntryDto[]> {
    const m = await loadVisibleMeeting(this.ds, id, user);
    await requireRunner(this.ds, m, user);
    const rows = await this.ds.query(
      `SELECT r.id, coalesce(p.display_name, r.guest_name) AS name, coalesce(r.guest_organisation,
              (SELECT o.name FROM affiliation a JOIN organisation o ON o.id = a.organisation_id
                WHERE a.person_id = r.person_id AND a.ended_at IS NULL ORDER BY a.created_at LIMIT 1)) AS organisation,
              r.status, r.person_id IS NULL AS guest, r.checked_in_at
         FROM meeting_registration r LEFT JOIN person p ON p.id = r.person_id
        WHERE r.meeting_id = $1 AND r.status IN ('registered','waitlisted')
          AND ($2::text IS NULL OR coalesce(p.display_name, r.guest_name) ILIKE '%' || $2 || '%')
        ORDER BY r.status, coalesce(p.display_name, r.guest_name)`,
      [id, q ?? null],
    );
    return rows.map((r: { id: string; name: string; organisation: string | null; status: RegistrationStatus; guest: boolean; checked_in_at: Date | null }) => ({
      registrationId: r.id,
      name: r.name,
      organisation: r.organisation,
      status: r.status,
      guest: r.guest,
      checkedInAt: iso(r.checked_in_at),
    }));
  }

  /** Checks a person in by code, registration or as a walk-in; attendance is a participation event. */
  async checkIn(id: string, req: CheckInRequest, user: AuthUser): Promise<CheckInListEntryDto> {
    const { entry, count } = await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      let registrationId: string;
      if (req.walkIn) {
        const [row] = await em.query(
          `INSERT INTO meeting_registration (meeting_id, guest_name, guest_email, guest_organisation, status, check_in_code, walk_in)
           VALUES ($1,$2,$3,$4,'registered',$5,true) RETURNING id`,
          [id, req.walkIn.name, req.walkIn.email?.toLowerCase() ?? null, req.walkIn.organisation ?? null, newCheckInCode()],
        );
        registrationId = row.id;
      } else {
        const [row] = await em.query(
          `SELECT id FROM meeting_registration WHERE meeting_id = $1 AND status IN ('registered','waitlisted') AND (id::text = $2 OR check_in_code = upper($3))`,
          [id, req.registrationId ?? '', req.code ?? ''],
        );
        if (!row) throw DomainError.notFound('Registration for this meeting', MeetingErrors.UnknownCode);
        registrationId = row.id;
      }
      const [[r]] = await em.query(
        `UPDATE meeting_registration SET checked_in_at = coalesce(checked_in_at, now()), checked_in_by = coalesce(checked_in_by, $2),
                status = 'registered' WHERE id = $1 RETURNING person_id, (xmax = 0) AS fresh, checked_in_at`,
        [registrationId, user.id],
      );
      const attended = await em.query(
        `SELECT 1 FROM participation_event WHERE kind = 'meeting_attended' AND subject_id = $1 AND person_id = $2`,
        [id, r.person_id],
      );
      if (r.person_id && !attended.length) {
        await recordParticipation(em, { personId: r.person_id, kind: 'meeting_attended', subjectType: 'meeting', subjectId: id });
      }
      const [{ n }] = await em.query(`SELECT count(*) AS n FROM meeting_registration WHERE meeting_id = $1 AND checked_in_at IS NOT NULL`, [id]);
      const [entry] = await this.checkInRows(em, id, registrationId);
      return { entry, count: Number(n) };
    });
    this.events.emit('meeting.checked_in', { meetingId: id, count });
    return entry;
  }

  private async checkInRows(em: EntityManager, meetingId: string, registrationId: string): Promise<CheckInListEntryDto[]> {
    const rows = await em.query(
      `SELECT r.id, coalesce(p.display_name, r.guest_name) AS name, r.guest_organisation AS organisation, r.status, r.person_id IS NULL AS guest, r.checked_in_at
         FROM meeting_registration r LEFT JOIN person p ON p.id = r.person_id WHERE r.meeting_id = $1 AND r.id = $2`,
      [meetingId, registrationId],
    );
    return rows.map((r: { id: string; name: string; organisation: string | null; status: RegistrationStatus; guest: boolean; checked_in_at: Date | null }) => ({
      registrationId: r.id,
      name: r.name,
      organisation: r.organisation,
      status: r.status,
      guest: r.guest,
      checkedInAt: iso(r.checked_in_at),
    }));
  }

  /* ---------- agenda, minutes, decisions ---------- */

  async agenda(meetingId: string): Promise<AgendaItemDto[]> {
    const rows = await this.ds.query(`SELECT * FROM agenda_item WHERE meeting_id = $1 ORDER BY position, id`, [meetingId]);
    return rows.map((a: { id: string; position: number; title: string; presenter: string | null; duration_minutes: number | null; minutes: string | null }) => ({
      id: a.id,
      position: a.position,
      title: a.title,
      presenter: a.presenter,
      durationMinutes: a.duration_minutes,
      minutes: a.minutes,
    }));
  }

  async addAgendaItem(id: string, req: SaveAgendaItemRequest, user: AuthUser): Promise<AgendaItemDto[]> {
    await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      const [{ next }] = await em.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM agenda_item WHERE meeting_id = $1`, [id]);
      await em.query(
        `INSERT INTO agenda_item (meeting_id, position, title, presenter, duration_minutes, minutes) VALUES ($1,$2,$3,$4,$5,$6)`,
        [id, req.position ?? Number(next), req.title, req.presenter ?? null, req.durationMinutes ?? null, req.minutes ?? null],
      );
    });
    return this.agenda(id);
  }

  async updateAgendaItem(id: string, itemId: string, req: SaveAgendaItemRequest, user: AuthUser): Promise<AgendaItemDto[]> {
    await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      const [rows] = await em.query(
        `UPDATE agenda_item SET title = $3, presenter = $4, duration_minutes = $5, position = coalesce($6, position), minutes = $7
          WHERE id = $2 AND meeting_id = $1 RETURNING id`,
        [id, itemId, req.title, req.presenter ?? null, req.durationMinutes ?? null, req.position ?? null, req.minutes ?? null],
      );
      if (!rows?.length) throw DomainError.notFound('Agenda item');
    });
    return this.agenda(id);
  }

  async deleteAgendaItem(id: string, itemId: string, user: AuthUser): Promise<void> {
    await this.ds.transaction(async (em) => {
      const m = await loadVisibleMeeting(em, id, user, true);
      await requireRunner(em, m, user);
      const [rows] = await em.query(`DELETE FROM agenda_item WHERE id = $2 AND meeting_id = $1 RETURNING id`, [id, itemId]);
      if (!rows?.length) throw DomainError.notFound('Agenda item');
    });
  }

  async decisions(meetingId: string): Promise<DecisionDto[]> {
    const rows = await this.ds.query(`SELECT * FROM decision WHERE meeting_id = $1 ORDER BY decided_at, id`, [meetingId]);
    return rows.map(toDecisionDto);
  }

  async listDecisions(id: string, user: AuthUser | undefined): Promise<DecisionDto[]> {
    await loadVisibleMeeting(this.ds, id, user);
    return this.decisions(id);
  }

  async addDecision(id: string, req: SaveDecisionRequest, user: AuthUser, em?: EntityManager, pollId: string | null = null): Promise<DecisionDto> {
    const run = async (tx: EntityManager) => {
      const m = await loadVisibleMeeting(tx, id, user, true);
      await requireRunner(tx, m, user);
      if (req.agendaItemId) {
        const item = await tx.query(`SELECT 1 FROM agenda_item WHERE id = $1 AND meeting_id = $2`, [req.agendaItemId, id]);
        if (!item.length) throw DomainError.badRequest('The agenda item belongs to another meeting', 'UNKNOWN_AGENDA_ITEM');
      }
      if (req.groupIds?.length) {
        const groups = await tx.query(`SELECT id FROM working_group WHERE id = ANY($1)`, [req.groupIds]);
        if (groups.length !== new Set(req.groupIds).size) throw DomainError.badRequest('Unknown working group', 'UNKNOWN_GROUP');
      }
      const [row] = await tx.query(
        `INSERT INTO decision (meeting_id, agenda_item_id, poll_id, text, method, participation_level, outcome, group_ids, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9) RETURNING *`,
        [id, req.agendaItemId ?? null, pollId, req.text, req.method, req.participationLevel, req.outcome, req.groupIds ?? [], user.id],
      );
      return toDecisionDto(row);
    };
    return em ? run(em) : this.ds.transaction(run);
  }
}

export function toDecisionDto(d: {
  id: string; meeting_id: string; agenda_item_id: string | null; text: string; method: DecisionDto['method'];
  participation_level: DecisionDto['participationLevel']; outcome: string; group_ids: string[]; poll_id: string | null; decided_at: Date;
}): DecisionDto {
  return {
    id: d.id,
    meetingId: d.meeting_id,
    agendaItemId: d.agenda_item_id,
    text: d.text,
    method: d.method,
    participationLevel: d.participation_level,
    outcome: d.outcome,
    groupIds: d.group_ids,
    pollId: d.poll_id,
    decidedAt: new Date(d.decided_at).toISOString(),
  };
}

