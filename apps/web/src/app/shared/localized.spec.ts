import { localized } from './localized';

describe('localized', () => {
  const record = { nameDe: 'Handwerk', nameEn: 'Crafts', descriptionDe: 'Beschreibung', descriptionEn: 'Description' };

  it('picks the German or English variant', () => {
    expect(localized(record, 'name', 'de')).toBe('Handwerk');
    expect(localized(record, 'name', 'en')).toBe('Crafts');
    expect(localized(record, 'description', 'en')).toBe('Description');
  });
});
