import { EnvironmentProviders, Injectable } from '@angular/core';
import { Translation, TranslocoLoader } from '@jsverse/transloco';
import { of } from 'rxjs';
import de from '../../public/i18n/de.json';
import en from '../../public/i18n/en.json';
import { provideI18n } from '../app/core/i18n/provide-i18n';

/** The real translation files, keyed by language. */
export const TRANSLATIONS: Readonly<Record<string, Translation>> = { de, en };

/** Serves the real translation files synchronously, without HTTP. */
@Injectable()
class StaticTranslationLoader implements TranslocoLoader {
  getTranslation(lang: string) {
    return of(TRANSLATIONS[lang] ?? {});
  }
}

/** The app's i18n setup, with the HTTP loader swapped for the static one. */
export function provideI18nTesting(): EnvironmentProviders {
  return provideI18n(StaticTranslationLoader);
}
