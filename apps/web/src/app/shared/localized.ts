import { Language } from '../core/i18n/language';

type Suffix = 'De' | 'En';
const SUFFIX: Readonly<Record<Language, Suffix>> = { de: 'De', en: 'En' };

/**
 * Picks the text for `lang` from a bilingual record, e.g.
 * `localized(field, 'name', 'en')` returns `field.nameEn`.
 */
export function localized<Base extends string, T extends Record<`${Base}${Suffix}`, string>>(
  record: T,
  base: Base,
  lang: Language,
): string {
  return record[`${base}${SUFFIX[lang]}`];
}
