import type { OutgoingMail } from '../mail/mail.service';

type Locale = 'de' | 'en';
const berlin = (d: Date, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(d);

export const meetingMails = {
  promoted(locale: Locale, to: string, title: string, startsAt: Date): OutgoingMail {
    return locale === 'de'
      ? { to, subject: `Platz frei: ${title}`, text: `Guten Tag,\n\nfür „${title}“ am ${berlin(startsAt, 'de')} ist ein Platz frei geworden. Sie sind jetzt angemeldet.\n\n— Allmende` }
      : { to, subject: `A seat is free: ${title}`, text: `Hello,\n\na seat for "${title}" on ${berlin(startsAt, 'en')} became free. You are now registered.\n\n— Allmende` };
  },
  confirmGuest(locale: Locale, to: string, title: string, startsAt: Date, confirmLink: string): OutgoingMail {
    return locale === 'de'
      ? { to, subject: `Bitte bestätigen Sie Ihre Anmeldung: ${title}`, text: `Guten Tag,\n\nbitte bestätigen Sie Ihre Anmeldung für „${title}“ am ${berlin(startsAt, 'de')}:\n${confirmLink}\n\nOhne Bestätigung verfällt die Anmeldung.\n\n— Allmende` }
      : { to, subject: `Please confirm your registration: ${title}`, text: `Hello,\n\nplease confirm your registration for "${title}" on ${berlin(startsAt, 'en')}:\n${confirmLink}\n\nWithout confirmation the registration lapses.\n\n— Allmende` };
  },
  guestConfirmed(locale: Locale, to: string, title: string, startsAt: Date, status: string, cancelLink: string, code: string): OutgoingMail {
    const waiting = status === 'waitlisted';
    return locale === 'de'
      ? {
          to,
          subject: waiting ? `Warteliste: ${title}` : `Anmeldung bestätigt: ${title}`,
          text: `Guten Tag,\n\n${waiting ? 'Sie stehen auf der Warteliste' : 'Sie sind angemeldet'} für „${title}“ am ${berlin(startsAt, 'de')}.\nIhr Check-in-Code: ${code} (als QR-Code im Anhang)\n\nAbmelden:\n${cancelLink}\n\n— Allmende`,
        }
      : {
          to,
          subject: waiting ? `Waiting list: ${title}` : `Registration confirmed: ${title}`,
          text: `Hello,\n\n${waiting ? 'you are on the waiting list' : 'you are registered'} for "${title}" on ${berlin(startsAt, 'en')}.\nYour check-in code: ${code} (QR code attached)\n\nCancel:\n${cancelLink}\n\n— Allmende`,
        };
  },
  cancelled(locale: Locale, to: string, title: string, startsAt: Date, reason: string | null): OutgoingMail {
    return locale === 'de'
      ? { to, subject: `Abgesagt: ${title}`, text: `Guten Tag,\n\n„${title}“ am ${berlin(startsAt, 'de')} wurde abgesagt.${reason ? `\nGrund: ${reason}` : ''}\n\nIhre Anmeldung ist damit hinfällig.\n\n— Allmende` }
      : { to, subject: `Cancelled: ${title}`, text: `Hello,\n\n"${title}" on ${berlin(startsAt, 'en')} has been cancelled.${reason ? `\nReason: ${reason}` : ''}\n\nYour registration therefore lapses.\n\n— Allmende` };
  },
  documents(locale: Locale, to: string, title: string, startsAt: Date, link: string): OutgoingMail {
    return locale === 'de'
      ? { to, subject: `Unterlagen: ${title}`, text: `Guten Tag,\n\nanbei die Unterlagen für „${title}“ am ${berlin(startsAt, 'de')}.\nZum Treffen: ${link}\n\n— Allmende` }
      : { to, subject: `Documents: ${title}`, text: `Hello,\n\nattached are the documents for "${title}" on ${berlin(startsAt, 'en')}.\nThe meeting: ${link}\n\n— Allmende` };
  },
};
