import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../../config/app-config';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Content id, for images shown inside an HTML body. */
  cid?: string;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

/**
 * Sends mail through SMTP when SMTP_HOST is set; otherwise writes each mail to the
 * log, so a local `npm start` shows verification and reset links.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const env = config.env;
    this.from = env.SMTP_FROM ?? 'Allmende <no-reply@allmende.example>';
    this.transport = env.SMTP_HOST
      ? createTransport({
          host: env.SMTP_HOST,
          port: env.SMTP_PORT ?? 587,
          secure: env.SMTP_SECURE ?? false,
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined,
          // a local test sink offers no certificate; production servers do
          tls: { rejectUnauthorized: env.NODE_ENV === 'production' },
        })
      : null;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) {
      const files = mail.attachments?.length ? `\n[attachments: ${mail.attachments.map((a) => a.filename).join(', ')}]` : '';
      this.logger.log(`Mail (not sent, no SMTP_HOST) to ${mail.to}: ${mail.subject}\n${mail.text}${files}`);
      return;
    }
    await this.transport.sendMail({ from: this.from, ...mail });
  }
}
