import { DestroyRef, Injectable, inject } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { ActivatedRouteSnapshot, RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { Subject, map, switchMap } from 'rxjs';

/** The description of pages whose route sets none. */
export const DEFAULT_DESCRIPTION_KEY = 'public.meta.default';

interface PageKeys {
  title: string | undefined;
  description: string;
}

/**
 * The translation key of a page's description: route data `description` of the deepest
 * route that sets one (`data: { description: 'public.about.description' }`).
 */
export function descriptionKey(snapshot: RouterStateSnapshot): string {
  let key: string | undefined;
  let route: ActivatedRouteSnapshot | null = snapshot.root;
  while (route) {
    const value: unknown = route.data['description'];
    if (typeof value === 'string') key = value;
    route = route.firstChild;
  }
  return key ?? DEFAULT_DESCRIPTION_KEY;
}

/**
 * Route `title`s are translation keys. The document title becomes
 * "<page> · Allmende" and follows language switches. Route data `description`
 * (a translation key, too) becomes the meta description and, with the title,
 * the Open Graph tags a shared link shows.
 */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly meta = inject(Meta);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKeys = new Subject<PageKeys>();

  constructor() {
    super();
    const subscription = this.pageKeys
      .pipe(
        // selectTranslation() re-emits after every language switch (once loaded).
        switchMap((keys) => this.transloco.selectTranslation().pipe(map(() => keys))),
      )
      .subscribe((keys) => this.apply(keys));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKeys.next({ title: this.buildTitle(snapshot), description: descriptionKey(snapshot) });
  }

  private apply(keys: PageKeys): void {
    const t = (key: string, params?: Record<string, string>) => this.transloco.translate<string>(key, params);
    const title = keys.title ? t('app.documentTitle', { page: t(keys.title) }) : t('app.name');
    const description = t(keys.description);
    this.title.setTitle(title);
    this.meta.updateTag({ name: 'description', content: description });
    this.meta.updateTag({ property: 'og:title', content: title });
    this.meta.updateTag({ property: 'og:description', content: description });
  }
}
