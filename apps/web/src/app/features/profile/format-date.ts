import { Language } from '../../core/i18n/language';

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** A date (ISO string) as the reader expects it, e.g. "15. August 2019" / "15 August 2019". */
export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long' }).format(date);
}
