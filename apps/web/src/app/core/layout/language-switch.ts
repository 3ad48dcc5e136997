import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { TranslocoDirective } from '@jsverse/transloco';
import { LANGUAGES, LANGUAGE_NAMES, Language } from '../i18n/language';
import { LanguageService } from '../i18n/language-service';

/** Toggle buttons for the UI language; the active one is `aria-pressed`. */
@Component({
  selector: 'alm-language-switch',
  imports: [MatButton, TranslocoDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="language-switch" role="group" *transloco="let t" [attr.aria-label]="t('language.label')">
      @for (lang of languages; track lang) {
        <button
          mat-button
          type="button"
          [attr.lang]="lang"
          [attr.aria-pressed]="lang === current()"
          (click)="select(lang)"
        >
          {{ names[lang] }}
        </button>
      }
    </div>
  `,
  styleUrl: './language-switch.scss',
})
export class LanguageSwitch {
  private readonly language = inject(LanguageService);

  protected readonly languages = LANGUAGES;
  protected readonly names = LANGUAGE_NAMES;
  protected readonly current = this.language.current;

  protected select(lang: Language): void {
    this.language.use(lang);
  }
}
