import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { DEFAULT_LANGUAGE, LANGUAGE_STORAGE_KEY, Language, isLanguage } from './language';

/**
 * The single place that changes the UI language: keeps Transloco, the
 * `<html lang>` attribute and the remembered choice in localStorage in step.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly document = inject(DOCUMENT);
  private readonly language = signal<Language>(this.readStoredLanguage() ?? DEFAULT_LANGUAGE);

  /** The active language. */
  readonly current = this.language.asReadonly();

  constructor() {
    this.apply(this.language());
  }

  /** Switches the UI language and remembers the choice. */
  use(lang: Language): void {
    this.language.set(lang);
    this.apply(lang);
    this.storeLanguage(lang);
  }

  /** Resolves once the active language's translations are loaded (never rejects). */
  ready(): Promise<void> {
    return firstValueFrom(this.transloco.load(this.language())).then(
      () => undefined,
      () => undefined,
    );
  }

  private apply(lang: Language): void {
    this.transloco.setActiveLang(lang);
    this.document.documentElement.lang = lang;
  }

  private readStoredLanguage(): Language | null {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANGUAGE_STORAGE_KEY);
      return isLanguage(stored) ? stored : null;
    } catch {
      return null; // storage blocked (privacy settings): fall back to the default
    }
  }

  private storeLanguage(lang: Language): void {
    try {
      this.document.defaultView?.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
    } catch {
      // storage blocked: the choice lasts for this page view only
    }
  }
}
