import { DestroyRef, Injectable, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';

/** Paginator labels from the `directory.paginator` block, updated on a language switch. */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  constructor() {
    super();
    const subscription = this.transloco.selectTranslation().subscribe(() => {
      const t = (key: string, params?: Record<string, unknown>) =>
        this.transloco.translate<string>(`directory.paginator.${key}`, params);
      this.itemsPerPageLabel = t('itemsPerPage');
      this.nextPageLabel = t('next');
      this.previousPageLabel = t('previous');
      this.firstPageLabel = t('first');
      this.lastPageLabel = t('last');
      this.getRangeLabel = (page, pageSize, length) => {
        if (length === 0) return t('rangeEmpty');
        const from = page * pageSize + 1;
        const to = Math.min(length, (page + 1) * pageSize);
        return t('range', { from, to, length });
      };
      this.changes.next();
    });
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }
}

/** Provide in a feature's routes so its paginators speak the UI language. */
export const provideTranslatedPaginator = () => ({ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl });
