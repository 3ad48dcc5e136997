import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, publicLink } from '../../config/app-config';
import { MailService } from '../mail/mail.service';
import { toNotificationDto } from './notifications.service';

const PERIOD = { daily: '1 day', weekly: '7 days' } as const;

/**
 * The e-mail digest: once a day or a week (each person's setting), the notifications
 * they have not read and that no digest carried yet. A person is claimed by moving
 * their `last_digest_at` in a committed transaction before the mail is sent, so two
 * instances or a restart never send one period's digest twice.
 */
@Injectable()
export class DigestJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Digest');
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
    this.timer = setInterval(() => void this.runOnce().catch((err) => this.logger.error({ err }, 'Digest failed')), every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One run; concurrent calls share it. Answers how many digests went out. */
  runOnce(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    let sent = 0;
    for (const [frequency, period] of Object.entries(PERIOD)) {
      const due: { id: string }[] = await this.ds.query(
        `SELECT p.id FROM person p WHERE p.digest = $1 AND p.deleted_at IS NULL AND p.email_verified_at IS NOT NULL
            AND (p.last_digest_at IS NULL OR p.last_digest_at <= now() - $2::interval)
            AND EXISTS (SELECT 1 FROM notification n WHERE n.person_id = p.id AND n.read_at IS NULL AND n.digested_at IS NULL)`,
        [frequency, period],
      );
      for (const { id } of due) if (await this.sendDigest(id, period)) sent++;
    }
    return sent;
  }

  private async sendDigest(personId: string, period: string): Promise<boolean> {
    const claimed = await this.ds.transaction(async (em) => {
      const [[person]] = await em.query(
        `UPDATE person SET last_digest_at = now() WHERE id = $1 AND (last_digest_at IS NULL OR last_digest_at <= now() - $2::interval)
         RETURNING email, locale, display_name`,
        [personId, period],
      );
      if (!person) return null;
      const [rows] = await em.query(
        `UPDATE notification SET digested_at = now() WHERE person_id = $1 AND read_at IS NULL AND digested_at IS NULL RETURNING *`,
        [personId],
      );
      return { person, rows: rows ?? [] };
    });
    if (!claimed?.rows.length) return false;
    const { person, rows } = claimed;
    const de = person.locale === 'de';
    const lines = rows
      .sort((a: { id: string }, b: { id: string }) => Number(a.id) - Number(b.id))
      .map((r: Parameters<typeof toNotificationDto>[0]) => {
        const n = toNotificationDto(r, person.locale);
        return `• ${n.text}\n  ${publicLink(this.config, n.link)}`;
      });
    // the period is claimed: a failed mail is logged, not retried, so nobody gets it twice
    const sent = await this.mail.send({
      to: person.email,
      subject: de ? `Allmende: ${rows.length} neue Benachrichtigungen` : `Allmende: ${rows.length} new notifications`,
      text: `${de ? 'Guten Tag' : 'Hello'} ${person.display_name},\n\n${lines.join('\n')}\n\n${
        de ? 'Wie oft diese Zusammenfassung kommt, stellen Sie im Profil ein:' : 'Choose how often this summary comes in your profile:'
      } ${publicLink(this.config, '/profile')}\n\n— Allmende`,
    }).then(
      () => true,
      (err) => {
        this.logger.warn({ err }, `The digest for ${personId} could not be sent`);
        return false;
      },
    );
    return sent;
  }
}
