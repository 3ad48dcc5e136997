import { TRANSLATIONS } from '../../../testing/i18n-testing';

/** All leaf keys of a nested translation object, e.g. `app.name`. */
function leafKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leafValues(value: unknown): unknown[] {
  return typeof value === 'object' && value !== null ? Object.values(value).flatMap(leafValues) : [value];
}

describe('translation files', () => {
  it('German and English define the same keys', () => {
    expect(leafKeys(TRANSLATIONS['en']).sort()).toEqual(leafKeys(TRANSLATIONS['de']).sort());
  });

  it.each(['de', 'en'])('%s has only non-empty strings', (lang) => {
    for (const value of leafValues(TRANSLATIONS[lang])) {
      expect(typeof value).toBe('string');
      expect((value as string).trim()).not.toBe('');
    }
  });
});
