import { Pipe, PipeTransform } from '@angular/core';
import { Language } from '../core/i18n/language';

const LOCALES: Readonly<Record<Language, string>> = { de: 'de-DE', en: 'en-GB' };

/** Formats an ISO timestamp for the UI language: `{{ at | almDate: lang() }}` (pure: pass the language). */
@Pipe({ name: 'almDate' })
export class LocalizedDatePipe implements PipeTransform {
  transform(value: string | null | undefined, lang: Language, withTime = false): string {
    if (!value) return '';
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return '';
    return new Intl.DateTimeFormat(LOCALES[lang], {
      dateStyle: 'medium',
      ...(withTime ? { timeStyle: 'short' } : {}),
    }).format(date);
  }
}
