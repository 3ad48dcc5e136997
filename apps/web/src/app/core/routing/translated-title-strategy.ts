import { DestroyRef, Injectable, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Subject, map, switchMap } from 'rxjs';

/**
 * Route `title`s are translation keys. The document title becomes
 * "<page> · Allmende" and follows language switches.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = new Subject<string | undefined>();

  constructor() {
    super();
    const subscription = this.pageKey
      .pipe(
        // selectTranslation() re-emits after every language switch (once loaded).
        switchMap((key) => this.transloco.selectTranslation().pipe(map(() => this.compose(key)))),
      )
      .subscribe((title) => this.title.setTitle(title));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }

  private compose(pageKey: string | undefined): string {
    const t = (key: string, params?: Record<string, string>) => this.transloco.translate<string>(key, params);
    return pageKey ? t('app.documentTitle', { page: t(pageKey) }) : t('app.name');
  }
}
