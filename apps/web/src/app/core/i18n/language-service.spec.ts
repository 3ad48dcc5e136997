import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { provideI18nTesting } from '../../../testing/i18n-testing';
import { LANGUAGE_STORAGE_KEY } from './language';
import { LanguageService } from './language-service';

describe('LanguageService', () => {
  function setup(): { service: LanguageService; transloco: TranslocoService } {
    TestBed.configureTestingModule({ providers: [provideI18nTesting()] });
    return { service: TestBed.inject(LanguageService), transloco: TestBed.inject(TranslocoService) };
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('starts in German without storing anything', () => {
    const { service, transloco } = setup();

    expect(service.current()).toBe('de');
    expect(transloco.getActiveLang()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBeNull();
  });

  it('switches language, updates <html lang> and persists the choice', () => {
    const { service, transloco } = setup();

    service.use('en');

    expect(service.current()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');

    service.use('de');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('de');
    expect(document.documentElement.lang).toBe('de');
  });

  it('restores a stored choice on start', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');

    const { service, transloco } = setup();

    expect(service.current()).toBe('en');
    expect(transloco.getActiveLang()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unknown stored value', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');

    const { service } = setup();

    expect(service.current()).toBe('de');
  });

  it('keeps working when storage is blocked', () => {
    const getItem = jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    const setItem = jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const { service } = setup();
      expect(service.current()).toBe('de');
      expect(() => service.use('en')).not.toThrow();
      expect(service.current()).toBe('en');
    } finally {
      getItem.mockRestore();
      setItem.mockRestore();
    }
  });
});
