import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DOCUMENTS_MAIL_DAYS_BEFORE } from '@allmende/contracts';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, publicLink } from '../../config/app-config';
import { MailService } from '../mail/mail.service';
import { meetingMails } from './meeting-mails';

/** A claim older than this was interrupted (crash, restart) while its mail was being sent. */
const INTERRUPTED_AFTER = '10 minutes';
const MAX_ATTEMPTS = 5;

interface Claim {
  meeting_id: string;
  registration_id: string;
}

/**
 * Mails a meeting's documents to every registered participant seven days before it
 * starts (and to those who register later, on the next run). The schedule lives in
 * the database, so a restart loses nothing: each run looks for what is due.
 *
 * Never twice: a registration is claimed (row in meeting_document_mailing, primary
 * key meeting + registration) and committed before its mail is sent, so two
 * instances or two runs cannot both send it. A claim that a crash interrupted is
 * not retried, because the mail may already be out: it is marked `abandoned` and
 * logged. A mail the SMTP server refused is retried up to five times.
 */
@Injectable()
export class DocumentMailingJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DocumentMailing');
  private timer?: NodeJS.Timeout;
  private running: Promise<number> | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.env.JOB_INTERVAL_MS;
    if (!every) return;
    const tick = () => void this.runOnce().catch((err) => this.logger.error({ err }, 'Document mailing failed'));
    this.timer = setInterval(tick, every);
    this.timer.unref();
    // right after start too, so a restart catches up at once
    setTimeout(tick, Math.min(every, 1000)).unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run; concurrent calls share it. Answers how many mails went out. */
  runOnce(now = new Date()): Promise<number> {
    this.running ??= this.run(now).finally(() => (this.running = null));
    return this.running;
  }

  private async run(now: Date): Promise<number> {
    const [, interrupted] = await this.ds.query(
      `UPDATE meeting_document_mailing SET status = 'abandoned', last_error = 'interrupted while sending; not retried, so nobody gets the documents twice'
        WHERE status = 'claimed' AND claimed_at < now() - interval '${INTERRUPTED_AFTER}'`,
    );
    if (interrupted) this.logger.warn(`${interrupted} document mail(s) were interrupted by a restart and are not sent again`);

    const claims: Claim[] = await this.ds.transaction(async (em) => {
      const fresh: Claim[] = await em.query(
        `INSERT INTO meeting_document_mailing (meeting_id, registration_id, attempts)
         SELECT r.meeting_id, r.id, 1 FROM meeting_registration r JOIN meeting m ON m.id = r.meeting_id
          WHERE m.cancelled_at IS NULL AND m.starts_at > $1 AND m.starts_at - make_interval(days => $2) <= $1
            AND r.status = 'registered' AND NOT r.walk_in
            AND EXISTS (SELECT 1 FROM meeting_document d WHERE d.meeting_id = m.id)
         ON CONFLICT DO NOTHING RETURNING meeting_id, registration_id`,
        [now, DOCUMENTS_MAIL_DAYS_BEFORE],
      );
      const [retry]: [Claim[]] = await em.query(
        `UPDATE meeting_document_mailing mm SET status = 'claimed', attempts = attempts + 1, claimed_at = now()
           FROM meeting m WHERE m.id = mm.meeting_id AND mm.status = 'failed' AND mm.attempts < $2
            AND m.cancelled_at IS NULL AND m.starts_at > $1
         RETURNING mm.meeting_id, mm.registration_id`,
        [now, MAX_ATTEMPTS],
      );
      return [...fresh, ...(retry ?? [])];
    });

    let sent = 0;
    const byMeeting = new Map<string, Claim[]>();
    for (const c of claims) byMeeting.set(c.meeting_id, [...(byMeeting.get(c.meeting_id) ?? []), c]);
    for (const [meetingId, group] of byMeeting) {
      const [meeting] = await this.ds.query(`SELECT title, starts_at FROM meeting WHERE id = $1`, [meetingId]);
      const documents: { filename: string; content_type: string; content: Buffer }[] = await this.ds.query(
        `SELECT filename, content_type, content FROM meeting_document WHERE meeting_id = $1 ORDER BY uploaded_at, id`,
        [meetingId],
      );
      const attachments = documents.map((d) => ({ filename: d.filename, contentType: d.content_type, content: d.content }));
      for (const claim of group) {
        const [to] = await this.ds.query(
          `SELECT coalesce(p.email, r.guest_email) AS email, coalesce(p.locale, r.guest_locale, 'de') AS locale
             FROM meeting_registration r LEFT JOIN person p ON p.id = r.person_id AND p.deleted_at IS NULL WHERE r.id = $1`,
          [claim.registration_id],
        );
        try {
          if (to?.email) {
            const mail = meetingMails.documents(to.locale, to.email, meeting.title, new Date(meeting.starts_at), publicLink(this.config, `/meetings/${meetingId}`));
            await this.mail.send({ ...mail, attachments });
            sent++;
          }
          await this.ds.query(`UPDATE meeting_document_mailing SET status = 'sent', sent_at = now() WHERE meeting_id = $1 AND registration_id = $2`, [meetingId, claim.registration_id]);
        } catch (err) {
          this.logger.warn({ err }, `Documents of meeting ${meetingId} could not be mailed; retried on the next run`);
          await this.ds.query(
            `UPDATE meeting_document_mailing SET status = 'failed', last_error = $3 WHERE meeting_id = $1 AND registration_id = $2`,
            [meetingId, claim.registration_id, String((err as Error).message ?? err).slice(0, 500)],
          );
        }
      }
    }
    return sent;
  }
}
