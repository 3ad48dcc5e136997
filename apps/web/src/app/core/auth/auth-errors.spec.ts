import { HttpErrorResponse } from '@angular/common/http';
import { TRANSLATIONS } from '../../../testing/i18n-testing';
import { authErrorCode, authErrorKey } from './auth-errors';

const apiError = (status: number, code: string) =>
  new HttpErrorResponse({ status, error: { statusCode: status, code, message: 'x', requestId: 'r' } });

function translationExists(key: string, lang: string): boolean {
  let node: unknown = TRANSLATIONS[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string';
}

describe('auth error messages', () => {
  it.each([
    ['INVALID_CREDENTIALS', 'auth.errors.invalidCredentials'],
    ['EMAIL_NOT_VERIFIED', 'auth.errors.emailNotVerified'],
    ['TOO_MANY_REQUESTS', 'auth.errors.tooManyRequests'],
    ['VALIDATION_FAILED', 'auth.errors.validationFailed'],
    ['INVALID_OR_EXPIRED_TOKEN', 'auth.errors.invalidToken'],
    ['WRONG_PASSWORD', 'auth.errors.wrongPassword'],
    ['SOMETHING_NEW', 'auth.errors.unknown'],
  ])('maps %s to %s, translated in both languages', (code, key) => {
    expect(authErrorKey(apiError(400, code))).toBe(key);
    expect(translationExists(key, 'de')).toBe(true);
    expect(translationExists(key, 'en')).toBe(true);
  });

  it('recognises network failures and bare 429s', () => {
    expect(authErrorCode(new HttpErrorResponse({ status: 0 }))).toBe('NETWORK');
    expect(authErrorKey(new HttpErrorResponse({ status: 0 }))).toBe('auth.errors.network');
    expect(authErrorCode(new HttpErrorResponse({ status: 429, error: 'Too Many Requests' }))).toBe('TOO_MANY_REQUESTS');
    expect(authErrorKey(new Error('boom'))).toBe('auth.errors.unknown');
  });

  it('lets a page override the message for a code', () => {
    expect(authErrorKey(apiError(400, 'VALIDATION_FAILED'), { VALIDATION_FAILED: 'auth.errors.invalidToken' })).toBe(
      'auth.errors.invalidToken',
    );
  });
});
