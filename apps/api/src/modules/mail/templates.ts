import type { Locale } from '@allmende/contracts';
import type { OutgoingMail } from './mail.service';

type Template = (to: string, name: string, link: string) => OutgoingMail;

const greeting = (locale: Locale, name: string) => (locale === 'de' ? `Hallo ${name},` : `Hello ${name},`);
const footer = (locale: Locale) =>
  locale === 'de'
    ? '\n\nWenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht.\n— Allmende, die Plattform der Wirtschaftsallianz'
    : '\n\nIf you did not ask for this, ignore this message.\n— Allmende, the platform of the economic alliance';

/** Account mails in German and English; the link is always on a line of its own. */
export const accountMails: Record<'verify' | 'reset' | 'alreadyRegistered', Record<Locale, Template>> = {
  verify: {
    de: (to, name, link) => ({
      to,
      subject: 'Bitte bestätigen Sie Ihre E-Mail-Adresse',
      text: `${greeting('de', name)}\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Allmende:\n${link}\n\nDer Link ist 48 Stunden gültig.${footer('de')}`,
    }),
    en: (to, name, link) => ({
      to,
      subject: 'Please confirm your e-mail address',
      text: `${greeting('en', name)}\n\nplease confirm your e-mail address for Allmende:\n${link}\n\nThe link is valid for 48 hours.${footer('en')}`,
    }),
  },
  reset: {
    de: (to, name, link) => ({
      to,
      subject: 'Passwort zurücksetzen',
      text: `${greeting('de', name)}\n\nmit diesem Link setzen Sie Ihr Passwort zurück:\n${link}\n\nDer Link ist eine Stunde gültig.${footer('de')}`,
    }),
    en: (to, name, link) => ({
      to,
      subject: 'Reset your password',
      text: `${greeting('en', name)}\n\nuse this link to reset your password:\n${link}\n\nThe link is valid for one hour.${footer('en')}`,
    }),
  },
  alreadyRegistered: {
    de: (to, name, link) => ({
      to,
      subject: 'Sie haben bereits ein Konto',
      text: `${greeting('de', name)}\n\njemand wollte sich mit dieser Adresse neu registrieren. Sie haben schon ein Konto; falls Sie Ihr Passwort vergessen haben:\n${link}${footer('de')}`,
    }),
    en: (to, name, link) => ({
      to,
      subject: 'You already have an account',
      text: `${greeting('en', name)}\n\nsomeone tried to register again with this address. You already have an account; if you forgot your password:\n${link}${footer('en')}`,
    }),
  },
};
