import {
  EnvironmentProviders,
  Type,
  inject,
  isDevMode,
  makeEnvironmentProviders,
  provideAppInitializer,
} from '@angular/core';
import { TranslocoLoader, provideTransloco } from '@jsverse/transloco';
import { DEFAULT_LANGUAGE, LANGUAGES } from './language';
import { LanguageService } from './language-service';
import { TranslocoHttpLoader } from './transloco-http-loader';

/**
 * Transloco with German as default and fallback. The app waits for the
 * active language's translations before the first render, so no raw keys flash.
 */
export function provideI18n(loader: Type<TranslocoLoader> = TranslocoHttpLoader): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader,
    }),
    provideAppInitializer(() => inject(LanguageService).ready()),
  ]);
}
