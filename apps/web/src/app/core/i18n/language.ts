/** Languages the web client is translated into; German is the default. */
export const LANGUAGES = ['de', 'en'] as const;

export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'de';

/** localStorage key under which the chosen language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'allmende.language';

/** Each language's name, written in that language (shown in the switch). */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  de: 'Deutsch',
  en: 'English',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
