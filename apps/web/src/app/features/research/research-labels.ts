import { inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { ActionFieldDto, ParticipationRow, ResearchGroupBy } from '@allmende/contracts';
import { TranslocoService } from '@jsverse/transloco';
import { Language } from '../../core/i18n/language';
import { localized } from '../../shared/localized';

export type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * `translate` for code (chart labels, summaries) plus a signal that changes once the active
 * language's translations are loaded: read it in a `computed` so texts follow language switches.
 * Call in an injection context.
 */
export function injectTranslate(): { t: Translate; loaded: () => unknown } {
  const transloco = inject(TranslocoService);
  const loaded = toSignal(transloco.selectTranslation());
  return { t: (key, params) => transloco.translate<string>(key, params), loaded };
}

/** The translation of `key`, or `fallback` when there is none (Transloco hands back the key). */
export function translateOr(t: Translate, key: string, fallback: string): string {
  const text = t(key);
  return text && text !== key ? text : fallback;
}

/** An actor type code for people; `none`: persons without an organisation. */
export function actorTypeLabel(t: Translate, code: string): string {
  return code === 'none' ? t('research.noOrganisation') : translateOr(t, `actorTypes.${code}`, code);
}

/** The label of a participation category: codes are translated, action fields named in the UI language. */
export function categoryLabel(
  groupBy: ResearchGroupBy,
  row: Pick<ParticipationRow, 'key' | 'label'>,
  t: Translate,
  fields: ReadonlyMap<string, ActionFieldDto>,
  lang: Language,
): string {
  if (row.key === null) return t(`research.participation.noCategory.${groupBy}`);
  switch (groupBy) {
    case 'actorType':
      return actorTypeLabel(t, row.key);
    case 'sector':
      return translateOr(t, `sectors.${row.key}`, row.label || row.key);
    case 'actionField': {
      const field = fields.get(row.key);
      return field ? localized(field, 'name', lang) : row.label || row.key;
    }
    default:
      return row.label || row.key;
  }
}
