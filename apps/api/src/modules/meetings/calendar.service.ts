import { Inject, Injectable } from '@nestjs/common';
import { TIME_ZONE } from '@allmende/contracts';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../../common/auth/auth-user';
import { DomainError } from '../../common/domain-error';
import { APP_CONFIG, AppConfig, publicLink } from '../../config/app-config';
import { hashToken, newSecretToken } from '../auth/secret-tokens';
import { loadVisibleMeeting } from './meeting-access';

interface EventRow {
  id: string;
  title: string;
  description: string;
  starts_at: Date;
  ends_at: Date;
  venue_address: string | null;
  venue_name: string | null;
  online_url: string | null;
  cancelled_at: Date | null;
}

const EVENT_SQL = `SELECT m.id, m.title, m.description, m.starts_at, m.ends_at, m.venue_address, o.name AS venue_name, m.online_url, m.cancelled_at
                     FROM meeting m LEFT JOIN organisation o ON o.id = m.venue_organisation_id`;

/** iCalendar files and feeds, built with ical-generator in Europe/Berlin (with its VTIMEZONE). */
@Injectable()
export class CalendarService {
  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}


  private calendar(name: string, rows: EventRow[]): string {
    const cal: ICalCalendar = ical({
      name,
      prodId: { company: 'Allmende', product: 'Allmende', language: 'DE' },
      timezone: { name: TIME_ZONE, generator: getVtimezoneComponent },
    });
    for (const r of rows) {
      cal.createEvent({
        id: `${r.id}@allmende`,
        // ical-generator writes native Dates in the process's zone; a zoned luxon time gives the Berlin wall clock
        start: DateTime.fromJSDate(new Date(r.starts_at)).setZone(TIME_ZONE),
        end: DateTime.fromJSDate(new Date(r.ends_at)).setZone(TIME_ZONE),
        timezone: TIME_ZONE,
        summary: r.cancelled_at ? `[abgesagt] ${r.title}` : r.title,
        description: r.description || undefined,
        location: [r.venue_name, r.venue_address, r.online_url].filter(Boolean).join(', ') || undefined,
        url: publicLink(this.config, `/meetings/${r.id}`),
      });
    }
    return cal.toString();
  }

  async meetingIcs(id: string, user: AuthUser | undefined): Promise<string> {
    await loadVisibleMeeting(this.ds, id, user);
    const rows: EventRow[] = await this.ds.query(`${EVENT_SQL} WHERE m.id = $1`, [id]);
    return this.calendar(rows[0].title, rows);
  }

  async conferencesIcs(): Promise<string> {
    const rows: EventRow[] = await this.ds.query(`${EVENT_SQL} WHERE m.kind = 'conference' AND m.visibility = 'public' ORDER BY m.starts_at`);
    return this.calendar('Allmende – Fachtagungen', rows);
  }

  /** The personal feed: the meetings the owner of the token is registered for. */
  async personalIcs(token: string): Promise<string> {
    const [feed] = await this.ds.query(
      `SELECT f.person_id FROM calendar_feed f JOIN person p ON p.id = f.person_id AND p.deleted_at IS NULL WHERE f.token_hash = $1`,
      [hashToken(token)],
    );
    if (!feed) throw DomainError.notFound('Calendar feed');
    const rows: EventRow[] = await this.ds.query(
      `${EVENT_SQL} JOIN meeting_registration r ON r.meeting_id = m.id AND r.person_id = $1 AND r.status IN ('registered','waitlisted')
        WHERE m.starts_at > now() - interval '1 year' ORDER BY m.starts_at`,
      [feed.person_id],
    );
    return this.calendar('Allmende – meine Treffen', rows);
  }

  /** A new secret feed address; the old one stops working. */
  async renewFeed(user: AuthUser): Promise<{ url: string }> {
    const { token, hash } = newSecretToken();
    await this.ds.query(
      `INSERT INTO calendar_feed (person_id, token_hash) VALUES ($1,$2)
       ON CONFLICT (person_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now()`,
      [user.id, hash],
    );
    return { url: publicLink(this.config, `/api/calendar/feeds/${token}.ics`) };
  }

  async revokeFeed(user: AuthUser): Promise<void> {
    await this.ds.query(`DELETE FROM calendar_feed WHERE person_id = $1`, [user.id]);
  }
}
